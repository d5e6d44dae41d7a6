import { nextDelay, type NextDelay } from "./retry-delay";
import { stopError, type Stop } from "./retry-stop";
import { AbortScope, type ScopeDeadline } from "../shared/abort-scope";
import { LazyRetryContext } from "../shared/lazy-context";
import type { RetryContext } from "../shared/policy";
import type { RetryStopReason } from "../errors/retry-exhausted-error";
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
  // Stryker disable next-line ConditionalExpression: reading the clock without a deadline changes nothing (see `elapsed`); retry-run-edges.test.ts pins a start away from 0
  const start = deadline === undefined ? 0 : o.clock.now();
  let errors: unknown[] | undefined;
  let previousMs = o.baseDelayMs;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (scope.aborted) throw stopError(o, scope, errors ?? [], { reason: "aborted" });
      try {
        return await fn(new LazyRetryContext(attempt, scope));
      } catch (error) {
        (errors ??= []).push(error);
        const reason = stopReason(o, scope, error, attempt);
        if (reason === "rethrow") throw error;
        if (reason !== undefined) throw stopError(o, scope, errors, { reason });
        const delay = nextDelay(o, attempt, previousMs, error);
        // Stryker disable next-line ConditionalExpression: without a deadline `left` is Infinity whatever `elapsed` is
        const elapsed = deadline === undefined ? 0 : o.clock.now() - start;
        const tooLong = tooLongFor(o, delay, elapsed);
        if (tooLong !== undefined) throw stopError(o, scope, errors, tooLong);
        previousMs = delay.ms;
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

// Why the wait `delay` may not be made: a provider's wait longer than `maxRetryAfterMs` or
// than the time left before the deadline (never shortened: give up at once), or a backoff
// that would run past the deadline.
const tooLongFor = (
  o: ResolvedRetryOptions,
  delay: NextDelay,
  elapsed: number,
): Stop | undefined => {
  const left = o.deadlineMs - elapsed;
  const asked = delay.askedMs;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: `asked !== undefined` only narrows for TypeScript (undefined compares false); retry-run-edges.test.ts pins `asked >= delay.ms`
  if (asked !== undefined && asked >= delay.ms) {
    if (asked > o.maxRetryAfterMs) {
      return {
        reason: "retry-after",
        askedMs: asked,
        allowedMs: o.maxRetryAfterMs,
        limit: "maxRetryAfterMs",
      };
    }
    if (asked > left) {
      return {
        reason: "retry-after",
        askedMs: asked,
        allowedMs: Math.max(0, Math.floor(left)),
        limit: "deadlineMs",
      };
    }
  }
  return delay.ms > left ? { reason: "deadline" } : undefined;
};

const notify = (
  o: ResolvedRetryOptions,
  attempt: number,
  delayMs: number,
  error: unknown,
): void => {
  try {
    // Stryker disable next-line OptionalChaining: calling a missing onRetry throws into the catch below, which swallows it
    o.onRetry?.({ attempt, delayMs, error });
  } catch {
    // A faulty callback must not change the outcome of the call it observes.
  }
};
