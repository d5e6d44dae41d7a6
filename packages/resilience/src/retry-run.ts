import { backoffDelay } from "./backoff";
import { linkSignals, type LinkedSignal } from "./linked-signal";
import type { RetryContext } from "./policy";
import { RetryExhaustedError, type RetryStopReason } from "./retry-exhausted-error";
import type { ResolvedRetryOptions } from "./retry-options";
import { abortReason, sleep } from "./sleep";
import { TimeoutError } from "./timeout-error";

/** Runs `fn` under the retry options `o`; the loop behind `retryWithBackoff().execute`. */
export const runWithRetry = async <T>(
  o: ResolvedRetryOptions,
  fn: (context: RetryContext) => T | PromiseLike<T>,
  callerSignal: AbortSignal | undefined,
): Promise<T> => {
  const start = o.clock.now();
  const link = linkSignals([o.signal, callerSignal], deadlineOf(o));
  const errors: unknown[] = [];
  const stop = (reason: RetryStopReason): RetryExhaustedError => stopError(o, link, errors, reason);
  try {
    let previousMs = o.baseDelayMs;
    for (let attempt = 1; ; attempt += 1) {
      if (link.signal.aborted) throw stop("aborted");
      try {
        return await fn({ attempt, signal: link.signal });
      } catch (error) {
        errors.push(error);
        if (link.signal.aborted) throw stop("aborted");
        const retryable = o.retryOn(error, attempt);
        if (attempt === 1 && (!retryable || o.maxAttempts === 1)) throw error;
        if (!retryable) throw stop("not-retryable");
        if (attempt >= o.maxAttempts) throw stop("max-attempts");
        previousMs = nextDelay(o, attempt, previousMs, error);
        if (o.clock.now() + previousMs - start > o.deadlineMs) throw stop("deadline");
        notify(o, attempt, previousMs, error);
        if (previousMs > 0) await sleep(o.clock, previousMs, link.signal).catch(() => undefined);
      }
    }
  } finally {
    link.dispose();
  }
};

const deadlineOf = (o: ResolvedRetryOptions): Parameters<typeof linkSignals>[1] =>
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
  link: LinkedSignal,
  errors: unknown[],
  reason: RetryStopReason,
): RetryExhaustedError => {
  const final = reason === "aborted" && link.timedOut ? "deadline" : reason;
  const attempts = errors.length;
  return new RetryExhaustedError(`Gave up after ${attempts} attempt(s): ${describeReason(final)}`, {
    reason: final,
    errors,
    ...(attempts === 0 ? { cause: abortReason(link.signal) } : {}),
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
