import { isProviderError } from "@peak/errors";
import { isBulkheadRejectedError } from "../errors/bulkhead-rejected-error";
import { isCircuitOpenError } from "../errors/circuit-open-error";
import { isRetryExhaustedError } from "../errors/retry-exhausted-error";
import { toErrorPredicate, type ErrorFilter } from "../shared/error-matcher";
import { contextFor } from "../shared/never-signal";
import type { ExecuteContext, WrappingPolicy } from "../shared/policy";

/** Options of {@link fallback}. */
export interface FallbackOptions {
  /**
   * Which failures fall back: error classes or a predicate.
   * @defaultValue {@link isFallbackError}: provider failures (including `CircuitOpenError`,
   * `RateLimitedError`, `TimeoutError`), `BulkheadRejectedError` and `RetryExhaustedError`;
   * never a programming error such as a `TypeError` or `ConfigError`
   */
  on?: ErrorFilter;
}

/**
 * A policy that answers with a fallback when the call fails with a matching error. In
 * `wrap()`, its result type is the call's; `execute` on its own also admits the fallback type.
 */
export interface FallbackPolicy<F> extends WrappingPolicy {
  execute<T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T | F>;
  execute<T>(fn: (context: ExecuteContext) => T | PromiseLike<T>, signal?: AbortSignal): Promise<T>;
}

/** The default `on` of {@link fallback}: failures of the provider or of a policy guarding it. */
export const isFallbackError = (error: unknown): boolean =>
  isProviderError(error) ||
  isCircuitOpenError(error) ||
  isBulkheadRejectedError(error) ||
  isRetryExhaustedError(error);

/**
 * Returns `value` (or the result of `value(error)` when it is a function) when the call fails
 * with a matching error; other errors, and the caller's own abort, pass through unchanged. To
 * fall back to a function value, return it from a function: `fallback(() => handler)`.
 *
 * @throws {@link ConfigError} when `on` is neither a predicate nor a list of error classes
 * @example
 * ```ts
 * const quotes = wrap(fallback((error) => lastKnownQuotes(error)), retry, breaker, binance);
 * const book = await quotes.execute(({ signal }) => fetchQuotes(["BTCUSDT"], { signal }));
 * ```
 */
export const fallback = <F>(
  value: F | ((error: unknown) => F | PromiseLike<F>),
  options: FallbackOptions = {},
): FallbackPolicy<F> => {
  const matches = toErrorPredicate("fallback", "on", options.on, isFallbackError);
  const answer = (error: unknown): F | PromiseLike<F> =>
    typeof value === "function" ? (value as (error: unknown) => F | PromiseLike<F>)(error) : value;
  // Made once: a call without a signal (the common case) allocates no handler of its own.
  const onErrorNoSignal = (error: unknown): F | PromiseLike<F> => {
    if (!matches(error)) throw error;
    return answer(error);
  };
  const execute = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T | F> => {
    const onError =
      signal === undefined
        ? onErrorNoSignal
        : (error: unknown): F | PromiseLike<F> => {
            if (signal.aborted) throw error; // the caller's own abort passes through
            return onErrorNoSignal(error);
          };
    try {
      return Promise.resolve(fn(contextFor(signal))).catch(onError);
    } catch (error) {
      return Promise.reject(error as Error).catch(onError);
    }
  };
  return {
    execute,
    wrap:
      (fn) =>
      (...args) =>
        execute(() => fn(...args)),
  } as FallbackPolicy<F>;
};
