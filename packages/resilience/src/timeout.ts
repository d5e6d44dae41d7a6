import { systemClock, type Clock } from "./clock";
import { linkSignals } from "./linked-signal";
import type { ExecuteContext, WrappingPolicy } from "./policy";
import { abortReason } from "./sleep";
import { TimeoutError } from "./timeout-error";
import { checkNumber } from "./validate";

/** Options of {@link timeout}. */
export interface TimeoutOptions {
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
}

/**
 * A policy that gives a call `ms` milliseconds. When the time is up it aborts the call's
 * signal with a {@link TimeoutError} and rejects with that error at once, even if the call
 * ignores its signal (whose late result or rejection is then dropped, never unhandled).
 *
 * @throws {@link ConfigError} when `ms` is not a finite number >= 0
 * @example
 * ```ts
 * const quotes = await timeout(2_000).execute(({ signal }) => fetch(url, { signal }));
 * ```
 */
export const timeout = (ms: number, options: TimeoutOptions = {}): WrappingPolicy => {
  const limit = checkNumber("timeout", "ms", ms, undefined);
  const clock = options.clock ?? systemClock;
  const reason = (): TimeoutError =>
    new TimeoutError(`Call timed out after ${limit} ms`, {
      timeoutMs: limit,
      hint: "Raise the timeout or check why the call is slow",
    });
  const execute = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const link = linkSignals([signal], { clock, ms: limit, reason });
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(abortReason(link.signal));
      link.signal.addEventListener("abort", onAbort, { once: true });
      const settle = (): void => {
        link.signal.removeEventListener("abort", onAbort);
        link.dispose();
      };
      invoke(fn, { signal: link.signal }).then(
        (value) => (settle(), resolve(value)),
        (error: unknown) => (settle(), reject(error as Error)),
      );
    });
  };
  return {
    execute,
    wrap:
      (fn) =>
      (...args) =>
        execute(() => fn(...args)),
  };
};

// Calls fn, turning a synchronous throw into a rejected promise.
const invoke = <T>(
  fn: (context: ExecuteContext) => T | PromiseLike<T>,
  context: ExecuteContext,
): Promise<T> => {
  try {
    return Promise.resolve(fn(context));
  } catch (error) {
    return Promise.reject(error as Error);
  }
};
