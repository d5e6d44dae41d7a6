import { withWrap, type RetryContext, type WrappingPolicy } from "../shared/policy";
import { resolveRetryOptions, type RetryOptions } from "./retry-options";
import { retryDeadline, runWithRetry } from "./retry-run";

/** A retry policy, as returned by {@link retryWithBackoff}. */
export interface RetryPolicy extends WrappingPolicy<RetryContext> {
  /**
   * Calls `fn` until it succeeds, an error is not retryable, `maxAttempts` calls were made,
   * the signal aborts or the deadline passes.
   * @throws the original error when only one attempt ran (a non-retryable error on the first
   *   call, or `maxAttempts: 1`)
   * @throws {@link RetryExhaustedError} otherwise, with every attempt's error
   */
  execute<T>(fn: (context: RetryContext) => T | PromiseLike<T>, signal?: AbortSignal): Promise<T>;
  /** Returns `fn` retried by this policy, with the same parameters. */
  wrap<A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>): (...args: A) => Promise<T>;
}

/**
 * Creates a retry policy with exponential or constant backoff and jitter. `maxAttempts`
 * counts **every** call including the first (unlike cockatiel's `maxAttempts`, which counts
 * retries). By default transient errors are retried ({@link isTransientError}: socket and DNS
 * errors, `fetch failed`, HTTP 408/425/429/5xx, retryable `@peak/errors` errors, timeouts,
 * rate limits). Aborting the signal ends a wait at once and the function is never called
 * again.
 *
 * @throws {@link ConfigError} for a bad option (named in the message)
 * @example
 * ```ts
 * const retry = retryWithBackoff({ maxAttempts: 4, baseDelayMs: 200, jitter: "full" });
 * const candles = await retry.execute(({ attempt, signal }) =>
 *   fetchCandles("BTC-EUR", { signal, attempt }),
 * );
 * ```
 */
export const retryWithBackoff = (options: RetryOptions = {}): RetryPolicy => {
  const resolved = resolveRetryOptions(options);
  const deadline = retryDeadline(resolved);
  return withWrap<RetryContext>((fn, signal) => runWithRetry(resolved, deadline, fn, signal));
};
