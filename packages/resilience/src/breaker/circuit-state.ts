import type { RuleWindow } from "./rules/breaking-rule";

/** The three states of a breaker, as strings (stable in saved snapshots and logs). */
export type CircuitState = "closed" | "open" | "half-open";

/** The breaker's internal state: a union keyed by `kind`. */
export type BreakerState =
  | { readonly kind: "closed" }
  | {
      readonly kind: "open";
      readonly openedAt: number;
      /** `Infinity` while isolated. */
      readonly nextAttemptAt: number;
    }
  | {
      readonly kind: "half-open";
      readonly since: number;
      /** Start times of the probes holding a slot, oldest first. */
      slots: number[];
      /** Probes of this round still running (including those whose slot was freed). */
      inFlight: number;
      successes: number;
    };

/** Why a breaker changed state. */
export type TransitionReason =
  | "failures"
  | "probe-failed"
  /** Not emitted since a probe past `maxHalfOpenMs` frees its slot instead of re-opening. */
  | "probe-timeout"
  | "probes-succeeded"
  | "recovery-timeout"
  | "isolated"
  | "released"
  | "reset"
  /** Pushed by a `BreakerStore` (state decided by other processes). */
  | "remote";

/** Passed to `onStateChange` listeners. */
export interface StateChangeEvent {
  readonly breaker: string;
  readonly from: CircuitState;
  readonly to: CircuitState;
  readonly reason: TransitionReason;
  /** Clock time of the transition, epoch milliseconds. */
  readonly at: number;
}

/**
 * Passed to `onOutcome` listeners for every call: `success`, `failure` (including slow
 * successes, with `slow: true`), `ignored` (an error `isFailure` rejects, or a cancelled call)
 * and `rejected` (not run). `stale` is true when the call was admitted in an earlier state or
 * half-open round, so its result did not change the state.
 */
export interface OutcomeEvent {
  readonly breaker: string;
  readonly type: "success" | "failure" | "ignored" | "rejected";
  readonly slow: boolean;
  readonly stale: boolean;
  /** Call duration in milliseconds (undefined for rejections). */
  readonly durationMs: number | undefined;
  /** The error, for failures, ignored errors and rejections. */
  readonly error: unknown;
}

/** A point-in-time copy of a breaker's counters (counts include stale outcomes). */
export interface CircuitBreakerStats {
  readonly name: string;
  readonly state: CircuitState;
  readonly successes: number;
  readonly failures: number;
  readonly slowCalls: number;
  readonly ignored: number;
  readonly rejections: number;
  /** Outcomes of calls admitted in an earlier state or round (counted, but not acted on). */
  readonly staleOutcomes: number;
  readonly stateChanges: number;
  readonly lastFailureAt: number | null;
  readonly openedAt: number | null;
  readonly nextAttemptAt: number | null;
  readonly isolated: boolean;
  /** Probes running in the current half-open round. */
  readonly halfOpenInFlight: number;
  /** What the breaking rule currently counts. */
  readonly window: RuleWindow;
  /** Increases on every transition, reset and isolation. */
  readonly generation: number;
}
