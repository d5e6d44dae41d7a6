import { ConfigError } from "@peak/errors";
import type { BreakerMachine } from "./breaker-machine";
import type { RuleSnapshot } from "./rules/breaking-rule";

/**
 * A breaker's saved state, from `toJSON()`, to pass back as `initialState`. A half-open
 * breaker is saved as open with an expired `nextAttemptAt`, so the restored breaker probes
 * on its first call. Times are epoch milliseconds of the breaker's clock.
 */
export interface CircuitBreakerSnapshot {
  readonly version: 1;
  readonly name: string;
  readonly state: "closed" | "open";
  readonly isolated: boolean;
  readonly openedAt: number | null;
  readonly nextAttemptAt: number | null;
  readonly rule: RuleSnapshot;
}

/** Saves `machine`'s state. */
export const saveSnapshot = (machine: BreakerMachine, now: number): CircuitBreakerSnapshot => {
  const state = machine.state;
  const isolated = machine.isolations > 0;
  const base = { version: 1, name: machine.options.name, isolated } as const;
  const rule = machine.options.rule.toJSON();
  switch (state.kind) {
    case "closed":
      return { ...base, state: "closed", openedAt: null, nextAttemptAt: null, rule };
    case "open": {
      const nextAttemptAt = isolated ? null : state.nextAttemptAt;
      return { ...base, state: "open", openedAt: state.openedAt, nextAttemptAt, rule };
    }
    case "half-open":
      return { ...base, state: "open", openedAt: state.since, nextAttemptAt: now, rule };
  }
};

/** Restores a snapshot into a fresh machine; throws a `ConfigError` for malformed data. */
export const restoreSnapshot = (machine: BreakerMachine, snapshot: unknown): void => {
  const s = checkSnapshot(snapshot);
  machine.options.rule.restore(s.rule);
  if (s.isolated) {
    machine.isolations = 1;
    machine.state = { kind: "open", openedAt: s.openedAt ?? 0, nextAttemptAt: Infinity };
  } else if (s.state === "open") {
    const nextAttemptAt = s.nextAttemptAt ?? 0;
    machine.state = { kind: "open", openedAt: s.openedAt ?? nextAttemptAt, nextAttemptAt };
  }
};

const isTime = (value: unknown): boolean => value === null || Number.isFinite(value);

const checkSnapshot = (value: unknown): CircuitBreakerSnapshot => {
  const s = value as Partial<CircuitBreakerSnapshot> | null;
  const ok =
    typeof s === "object" &&
    s !== null &&
    s.version === 1 &&
    (s.state === "closed" || s.state === "open") &&
    typeof s.isolated === "boolean" &&
    isTime(s.openedAt) &&
    isTime(s.nextAttemptAt) &&
    typeof s.rule === "object" &&
    s.rule !== null &&
    Array.isArray(s.rule.data) &&
    s.rule.data.every((n) => Number.isFinite(n));
  if (ok) return s as CircuitBreakerSnapshot;
  throw new ConfigError("`initialState` is not a circuit breaker snapshot (version 1)", {
    hint: "Pass the value returned by breaker.toJSON() (parsed back from JSON if stored)",
    context: { option: "initialState", owner: "circuitBreaker" },
  });
};
