import { isCircuitOpenError } from "../errors/circuit-open-error";
import { RetryExhaustedError, type RetryStopReason } from "../errors/retry-exhausted-error";
import type { AbortScope } from "../shared/abort-scope";
import type { ResolvedRetryOptions } from "./retry-options";

/** Why the loop stopped, and for "retry-after" what the provider asked and what was allowed. */
export interface Stop {
  readonly reason: RetryStopReason;
  readonly askedMs?: number;
  readonly allowedMs?: number;
  readonly limit?: string;
}

const seconds = (ms: number): string => `${(ms / 1_000).toFixed(1)} s`;

/** A short description of `error` for a message: a breaker's state, or name and message. */
export const describeError = (error: unknown): string => {
  if (isCircuitOpenError(error)) {
    const wait = error.retryAfterMs;
    const when = typeof wait === "number" ? `, next probe in ${seconds(wait)}` : "";
    return error.state === "open"
      ? `circuit "${error.breakerName}" is open${when}`
      : `circuit "${error.breakerName}" is half-open with every probe slot taken`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
};

const describeStop = (stop: Stop): string => {
  switch (stop.reason) {
    case "max-attempts":
      return "every attempt failed";
    // Stryker disable ConditionalExpression,StringLiteral: unreachable, a not-retryable stop always has a last error (see `why`)
    case "not-retryable":
      return "the last error is not retryable";
    // Stryker restore ConditionalExpression,StringLiteral
    case "aborted":
      return "the signal was aborted";
    case "deadline":
      return "the deadline was reached";
    case "retry-after":
      return `the provider asked to wait ${stop.askedMs} ms, more than ${stop.limit} allows (${stop.allowedMs} ms)`;
  }
};

const hintFor = (stop: Stop): string => {
  switch (stop.reason) {
    case "max-attempts":
      return "See `errors` for each attempt; raise `maxAttempts` if the failure is transient";
    case "not-retryable":
      return "The last error was not selected by `retryOn` (see `lastError`, also the `cause`)";
    case "aborted":
      return "The caller aborted; nothing else to do";
    case "deadline":
      return "Raise `deadlineMs`, or lower the delays or `maxAttempts`";
    case "retry-after":
      return `The provider asked for ${stop.askedMs} ms before the next call; retrying sooner risks a ban. Raise \`${stop.limit}\` to wait that long, or try again later`;
  }
};

/** The error the loop throws when it gives up, naming the last attempt's error. */
export const stopError = (
  o: ResolvedRetryOptions,
  scope: AbortScope,
  errors: readonly unknown[],
  stop: Stop,
): RetryExhaustedError => {
  // Stryker disable next-line ConditionalExpression: once the deadline fired every stop is "aborted" (the loop checks the scope first)
  const final: Stop = stop.reason === "aborted" && scope.timedOut ? { reason: "deadline" } : stop;
  const attempts = errors.length;
  const last = attempts > 0 ? describeError(errors[attempts - 1]) : undefined;
  const why =
    last === undefined
      ? describeStop(final)
      : final.reason === "not-retryable"
        ? `${last} (not retryable)`
        : `${describeStop(final)}; last error: ${last}`;
  const message = `Gave up after ${attempts} attempt(s): ${why}`;
  return new RetryExhaustedError(message, {
    reason: final.reason,
    errors,
    ...(attempts === 0 ? { cause: scope.reason } : {}),
    hint: hintFor(final),
    context: {
      maxAttempts: o.maxAttempts,
      ...(final.askedMs === undefined ? {} : { retryAfterMs: final.askedMs }),
    },
  });
};
