import type { CircuitBreaker } from "./breaker-api";
import type { BreakerMachine } from "./breaker-machine";
import { withoutStack } from "./brand";
import { CircuitOpenError } from "./circuit-open-error";
import type { CircuitBreakerStats } from "./circuit-state";

/** The breaker's counters besides the state machine. */
export interface BreakerCounts {
  successes: number;
  failures: number;
  slowCalls: number;
  ignored: number;
  rejections: number;
  stale: number;
}

/** Builds the `stats` copy of a breaker. */
export const breakerStats = (
  breaker: CircuitBreaker,
  machine: BreakerMachine,
  counts: BreakerCounts,
  lastFailureAt: number | null,
): CircuitBreakerStats => {
  const state = breaker.state;
  const current = machine.state;
  const now = machine.options.clock.now();
  const isolated = machine.isolations > 0;
  return Object.freeze({
    name: breaker.name,
    state,
    successes: counts.successes,
    failures: counts.failures,
    slowCalls: counts.slowCalls,
    ignored: counts.ignored,
    rejections: counts.rejections,
    staleOutcomes: counts.stale,
    stateChanges: machine.stateChanges,
    lastFailureAt,
    openedAt: current.kind === "open" ? current.openedAt : null,
    nextAttemptAt: current.kind === "open" && !isolated ? current.nextAttemptAt : null,
    isolated,
    halfOpenInFlight: current.kind === "half-open" ? current.inFlight : 0,
    window: machine.options.rule.window(now),
    generation: machine.generation,
  });
};

/** The error for a rejected call, built without a stack trace (the cheap path). */
export const rejection = (name: string, machine: BreakerMachine, now: number): CircuitOpenError => {
  const current = machine.state;
  const open = current.kind === "open";
  const nextAttemptAt = open && current.nextAttemptAt !== Infinity ? current.nextAttemptAt : null;
  const state = open ? "open" : "half-open";
  const message = open
    ? `Circuit breaker "${name}" is open; call rejected`
    : `Circuit breaker "${name}" is half-open and all probe slots are taken; call rejected`;
  return withoutStack(
    () =>
      new CircuitOpenError(message, {
        breakerName: name,
        state,
        nextAttemptAt,
        retryAfterMs: nextAttemptAt === null ? undefined : Math.max(0, nextAttemptAt - now),
        hint: "Serve a fallback or retry after `retryAfterMs`; see breaker.stats for the cause",
      }),
  );
};
