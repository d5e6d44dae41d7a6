import type { CircuitBreaker } from "./breaker-api";
import type { BreakerCounters } from "./breaker-counters";
import type { BreakerMachine } from "./breaker-machine";
import { withoutStack } from "../shared/brand";
import { CircuitOpenError } from "../errors/circuit-open-error";
import type { CircuitBreakerStats } from "./circuit-state";

/** Builds the `stats` copy of a breaker. */
export const breakerStats = (
  breaker: CircuitBreaker,
  machine: BreakerMachine,
  counts: BreakerCounters,
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
    lastFailureAt: counts.lastFailureAt,
    openedAt: current.kind === "open" ? current.openedAt : null,
    nextAttemptAt: current.kind === "open" && !isolated ? current.nextAttemptAt : null,
    isolated,
    halfOpenInFlight: current.kind === "half-open" ? current.inFlight : 0,
    window: machine.options.rule.window(now),
    generation: machine.generation,
  });
};

/** What a rejected call gets: the result object, whose `error` is also what `execute` throws. */
export type Rejection = { readonly ok: false; readonly error: CircuitOpenError };

/**
 * The cheap rejection path. Every call rejected in the same state and round (generation)
 * shares one `CircuitOpenError`, built once without a stack trace; its `retryAfterMs` is a
 * live getter, so it stays exact for later callers.
 */
export class Rejections {
  private generation = -1;
  private cached: Rejection | undefined;
  private readonly machine: BreakerMachine;

  constructor(machine: BreakerMachine) {
    this.machine = machine;
  }

  /** The rejection for the machine's current generation. */
  get(): Rejection {
    if (this.cached === undefined || this.generation !== this.machine.generation) {
      this.generation = this.machine.generation;
      this.cached = Object.freeze({ ok: false, error: createError(this.machine) });
    }
    return this.cached;
  }
}

const createError = (machine: BreakerMachine): CircuitOpenError => {
  const { name, clock } = machine.options;
  const current = machine.state;
  const open = current.kind === "open";
  const nextAttemptAt = open && current.nextAttemptAt !== Infinity ? current.nextAttemptAt : null;
  const message = open
    ? `Circuit breaker "${name}" is open; call rejected`
    : `Circuit breaker "${name}" is half-open and all probe slots are taken; call rejected`;
  const error = withoutStack(
    () =>
      new CircuitOpenError(message, {
        breakerName: name,
        state: open ? "open" : "half-open",
        nextAttemptAt,
        hint: "Serve a fallback or retry after `retryAfterMs`; see breaker.stats for the cause",
      }),
  );
  if (nextAttemptAt !== null) {
    Object.defineProperty(error, "retryAfterMs", {
      get: () => Math.max(0, nextAttemptAt - clock.now()),
      enumerable: true,
      configurable: true,
    });
  }
  return error;
};
