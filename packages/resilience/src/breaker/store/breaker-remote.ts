import type { CircuitBreaker } from "../breaker-api";
import { halfOpen, type BreakerMachine } from "../breaker-machine";
import type { BreakerStore, BreakerStoreBinding, BreakerStoreHandle } from "./breaker-store";
import type { CircuitState } from "../circuit-state";

/** The handle a store gets: remote transitions go through `machine.applyRemote`. */
const createHandle = (breaker: CircuitBreaker, machine: BreakerMachine): BreakerStoreHandle => {
  const { options } = machine;
  return {
    name: options.name,
    get state(): CircuitState {
      return breaker.state;
    },
    recoveryTimeoutMs: options.recoveryTimeoutMs,
    maxHalfOpenMs: options.probeLeaseMs,
    now: () => options.clock.now(),
    open(forMs) {
      const now = options.clock.now();
      const nextAttemptAt = forMs === Infinity ? Infinity : now + Math.max(0, forMs);
      machine.applyRemote({ kind: "open", openedAt: now, nextAttemptAt }, now);
    },
    halfOpen() {
      const now = options.clock.now();
      machine.applyRemote(halfOpen(now), now);
    },
    close() {
      machine.applyRemote({ kind: "closed" }, options.clock.now());
    },
  };
};

/**
 * Attaches `store` to a new breaker: hands it the breaker's handle and forwards every state
 * change to the returned binding (a binding that throws cannot break the breaker).
 */
export const attachStore = (
  store: BreakerStore,
  breaker: CircuitBreaker,
  machine: BreakerMachine,
): BreakerStoreBinding => {
  const binding = store.attach(createHandle(breaker, machine));
  machine.changes.add((event) => binding.stateChange(event));
  return binding;
};
