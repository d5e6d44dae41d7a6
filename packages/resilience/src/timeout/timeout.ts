import { AbortScope } from "../shared/abort-scope";
import { systemClock, type Clock } from "../time/clock";
import { LazyContext } from "../shared/lazy-context";
import { withWrap, type ExecuteContext, type WrappingPolicy } from "../shared/policy";
import { abortReason, asError } from "../time/sleep";
import { TimeoutError } from "../errors/timeout-error";
import { checkKeys } from "../shared/check-keys";
import { checkChoice, checkNumber } from "../shared/validate";

/** How a {@link timeout} ends a call that runs too long. */
export type TimeoutMode = "cooperative" | "aggressive";

/** Options of {@link timeout}. */
export interface TimeoutOptions {
  /**
   * `"cooperative"`: abort the call's signal and wait for the call to settle (its result, or a
   * `TimeoutError` once it gives up), so a timed-out order POST is never still running when a
   * retry resends it. `"aggressive"`: abort the signal and reject at once, even if the call
   * ignores its signal (its late result is dropped). @defaultValue "cooperative"
   */
  mode?: TimeoutMode;
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
}

/**
 * A policy that gives a call `ms` milliseconds. When the time is up it aborts the call's
 * signal with a {@link TimeoutError}. In the default `"cooperative"` mode it then waits for the
 * call to settle: a result is returned, a rejection becomes that `TimeoutError`, and the
 * policy never settles before the call does. In `"aggressive"` mode it rejects at once, even if
 * the call ignores its signal (whose late result or rejection is then dropped, never
 * unhandled). The call's `AbortSignal` is only created if the call reads `context.signal`.
 *
 * @throws {@link ConfigError} when `ms` is not a finite number >= 0
 * @example
 * ```ts
 * const quotes = await timeout(2_000).execute(({ signal }) => fetch(url, { signal }));
 * const ping = timeout(500, { mode: "aggressive" }); // bounded latency for idempotent reads
 * ```
 */
export const timeout = (ms: number, options: TimeoutOptions = {}): WrappingPolicy => {
  checkKeys("timeout", options, ["mode", "clock"]);
  const limit = checkNumber("timeout", "ms", ms, undefined);
  const modes: readonly TimeoutMode[] = ["cooperative", "aggressive"];
  const mode = checkChoice("timeout", "mode", options.mode, modes, "cooperative");
  const deadline = {
    clock: options.clock ?? systemClock,
    ms: limit,
    reason: (): TimeoutError =>
      new TimeoutError(`Call timed out after ${limit} ms`, {
        timeoutMs: limit,
        hint: "Raise the timeout or check why the call is slow",
      }),
  };
  const execute = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const scope = new AbortScope([signal], deadline);
    if (mode === "cooperative") {
      return invoke(fn, new LazyContext(scope)).then(
        (value) => (scope.dispose(), value),
        (error: unknown) => {
          const timedOut = scope.timedOut;
          scope.dispose();
          throw timedOut ? asError(scope.reason) : asError(error);
        },
      );
    }
    return new Promise<T>((resolve, reject) => {
      scope.onAbort((reason) => {
        scope.dispose();
        reject(asError(reason));
      });
      invoke(fn, new LazyContext(scope)).then(
        (value) => (scope.dispose(), resolve(value)),
        (error: unknown) => (scope.dispose(), reject(asError(error))),
      );
    });
  };
  return withWrap(execute);
};

// Calls fn, turning a synchronous throw into a rejected promise.
const invoke = <T>(
  fn: (context: ExecuteContext) => T | PromiseLike<T>,
  context: ExecuteContext,
): Promise<T> => {
  try {
    return Promise.resolve(fn(context));
  } catch (error) {
    return Promise.reject(asError(error));
  }
};
