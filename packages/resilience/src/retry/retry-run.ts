import { backoffDelay } from "./backoff";
import { AbortScope, type ScopeDeadline } from "../shared/abort-scope";
import { LazyRetryContext } from "../shared/lazy-context";
import type { RetryContext } from "../shared/policy";
import { RetryExhaustedError, type RetryStopReason } from "../errors/retry-exhausted-error";
import type { ResolvedRetryOptions } from "./retry-options";
import { sleep } from "../time/sleep";
import { TimeoutError } from "../errors/timeout-error";

/** Runs `fn` under the retry options `o`; the loop behind `retryWithBackoff().execute`. */
export const runWithRetry = async <T>(
  o: ResolvedRetryOptions,
  deadline: ScopeDeadline | undefined,
  fn: (context: RetryContext) => T | PromiseLike<T>,
  callerSignal: AbortSignal | undefined,
): Promise<T> => {
  const scope = AbortScope.create([o.signal, callerSignal], deadline);
  const start = deadline === undefined ? 0 : o.clock.now();
  let errors: unknown[] | undefined;
  let previousMs = o.baseDelayMs;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (scope.aborted) throw stopError(o, scope, errors ?? [], "aborted");
      try {
        return await fn(new LazyRetryContext(attempt, scope));
      } catch (error) {
        (errors ??= []).push(error);
        const reason = stopReason(o, scope, error, attempt);
        if (reason === "rethrow") throw error;
        if (reason !== undefined) throw stopError(o, scope, errors, reason);
        previousMs = nextDelay(o, attempt, previousMs, error);
        if (deadline !== undefined && o.clock.now() + previousMs - start > o.deadlineMs) {
          throw stopError(o, scope, errors, "deadline");
        }
        notify(o, attempt, previousMs, error);
        if (previousMs > 0) await sleep(o.clock, previousMs, scope).catch(() => undefined);
      }
    }
  } finally {
    scope.dispose();
  }
};

// Why to stop after a failed attempt: "rethrow" means pass the error on unchanged (only
// one attempt ran), undefined means retry.
const stopReason = (
  o: ResolvedRetryOptions,
  scope: AbortScope,
  error: unknown,
  attempt: number,
): RetryStopReason | "rethrow" | undefined => {
  if (scope.aborted) return "aborted";
  const retryable = o.retryOn(error, attempt);
  if (attempt === 1 && (!retryable || o.maxAttempts === 1)) return "rethrow";
  if (!retryable) return "not-retryable";
  return attempt >= o.maxAttempts ? "max-attempts" : undefined;
};

/** The deadline of a retry policy, built once per policy. */
export const retryDeadline = (o: ResolvedRetryOptions): ScopeDeadline | undefined =>
  o.deadlineMs === Infinity
    ? undefined
    : {
        clock: o.clock,
        ms: o.deadlineMs,
        reason: () =>
          new TimeoutError(`Retry deadline of ${o.deadlineMs} ms reached`, {
            timeoutMs: o.deadlineMs,
            hint: "Raise `deadlineMs` or lower `maxAttempts`/delays",
          }),
      };

const nextDelay = (
  o: ResolvedRetryOptions,
  attempt: number,
  previousMs: number,
  error: unknown,
) => {
  const delay = backoffDelay(o, attempt, previousMs);
  const hinted = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  if (typeof hinted !== "number" || !(hinted >= 0) || !Number.isFinite(hinted)) return delay;
  return Math.min(o.maxDelayMs, Math.max(delay, hinted));
};

const notify = (
  o: ResolvedRetryOptions,
  attempt: number,
  delayMs: number,
  error: unknown,
): void => {
  try {
    o.onRetry?.({ attempt, delayMs, error });
  } catch {
    // A faulty callback must not change the outcome of the call it observes.
  }
};

const stopError = (
  o: ResolvedRetryOptions,
  scope: AbortScope,
  errors: readonly unknown[],
  reason: RetryStopReason,
): RetryExhaustedError => {
  const final = reason === "aborted" && scope.timedOut ? "deadline" : reason;
  const attempts = errors.length;
  return new RetryExhaustedError(`Gave up after ${attempts} attempt(s): ${describeReason(final)}`, {
    reason: final,
    errors,
    ...(attempts === 0 ? { cause: scope.reason } : {}),
    hint: HINTS[final],
    context: { maxAttempts: o.maxAttempts },
  });
};

const describeReason = (reason: RetryStopReason): string =>
  ({
    "max-attempts": "every attempt failed",
    "not-retryable": "the last error is not retryable",
    aborted: "the signal was aborted",
    deadline: "the deadline was reached",
  })[reason];

const HINTS: Record<RetryStopReason, string> = {
  "max-attempts": "See `errors` for each attempt; raise `maxAttempts` if the failure is transient",
  "not-retryable": "The last error was not selected by `retryOn`; see `lastError`",
  aborted: "The caller aborted; nothing else to do",
  deadline: "Raise `deadlineMs`, or lower the delays or `maxAttempts`",
};
