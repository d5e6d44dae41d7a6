import type { CallOutcome } from "./call-outcome";

/** A breaker's running counters (they include stale outcomes). */
export class BreakerCounters {
  successes = 0;
  failures = 0;
  slowCalls = 0;
  ignored = 0;
  rejections = 0;
  stale = 0;
  lastFailureAt: number | null = null;

  /** Counts one finished call. */
  record(outcome: CallOutcome, slow: boolean, now: number): void {
    if (outcome === "success") this.successes += 1;
    else if (outcome === "ignored") this.ignored += 1;
    else {
      this.failures += 1;
      if (slow) this.slowCalls += 1;
      this.lastFailureAt = now;
    }
  }
}

/**
 * How a thrown error counts: ignored when the caller aborted the call or `isFailure` rejects
 * it, a failure otherwise (also when `isFailure` itself throws, so no probe slot is lost).
 */
export const classifyError = (
  error: unknown,
  signal: AbortSignal | undefined,
  isFailure: (error: unknown) => boolean,
): CallOutcome => {
  if (signal?.aborted) return "ignored";
  try {
    return isFailure(error) ? "failure" : "ignored";
  } catch {
    return "failure";
  }
};
