import type { CallOutcome } from "./call-outcome";
import type { ResolvedBreakerOptions } from "./resolved-breaker-options";
import type { BreakerState, StateChangeEvent, TransitionReason } from "./circuit-state";
import { Listeners } from "../shared/listeners";

const CLOSED: BreakerState = { kind: "closed" };

/**
 * The breaker's state machine. Every admitted call is tagged with the generation it was
 * admitted in; only outcomes of the current generation may change the state.
 * Time-based transitions (open → half-open, freeing the slot of an overdue probe) are
 * evaluated lazily whenever the breaker is used or looked at, so the breaker needs no timers.
 */
export class BreakerMachine {
  state: BreakerState = CLOSED;
  generation = 0;
  isolations = 0;
  stateChanges = 0;
  readonly changes = new Listeners<StateChangeEvent>();
  readonly options: ResolvedBreakerOptions;

  constructor(options: ResolvedBreakerOptions) {
    this.options = options;
  }

  /** Applies transitions that are due by time, and frees the slots of overdue probes. */
  refresh(now: number): void {
    const state = this.state;
    // Stryker disable next-line ConditionalExpression: dropping the kind test is equivalent (a closed or half-open state has no nextAttemptAt, and `now >= undefined` is false); the whole-condition forms are killed by the transition tests
    if (state.kind === "open" && now >= state.nextAttemptAt) {
      this.moveTo(halfOpen(now), "recovery-timeout", now);
    } else if (state.kind === "half-open") {
      const lease = this.options.probeLeaseMs;
      const slots = state.slots;
      while (slots.length > 0 && now - (slots[0] as number) >= lease) slots.shift();
    }
  }

  /** Admits a call: its generation, or -1 when it must be rejected. */
  admit(now: number): number {
    this.refresh(now);
    const state = this.state;
    switch (state.kind) {
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, Breaker.admit answers a closed breaker itself and calls this only when it is not closed (refresh never closes)
      case "closed":
        return this.generation;
      case "open":
        return -1;
      case "half-open":
        if (state.slots.length >= this.options.halfOpenMaxCalls) return -1;
        state.slots.push(now);
        state.inFlight += 1;
        return this.generation;
      // Stryker disable next-line ConditionalExpression: TypeScript exhaustiveness guard, no state reaches it
      default:
        return unreachable(state);
    }
  }

  /** Whether an outcome arriving now would be acted on (see {@link complete}). */
  isCurrent(generation: number, now: number, start: number): boolean {
    // Stryker disable next-line ConditionalExpression,StringLiteral: refreshing a closed breaker is a no-op, so always refreshing is equivalent; never refreshing is killed by breaker-lazy-transitions.test.ts (event order)
    if (this.state.kind !== "closed") this.refresh(now);
    if (generation !== this.generation) return false;
    return this.state.kind !== "half-open" || now - start < this.options.maxHalfOpenMs;
  }

  /**
   * Applies the outcome of a call admitted in `generation` at time `start`; false when it was
   * stale (admitted in an earlier state or round, or a probe that ran past a finite
   * `maxHalfOpenMs`).
   */
  complete(generation: number, outcome: CallOutcome, now: number, start: number): boolean {
    // Stryker disable next-line ConditionalExpression,StringLiteral: refreshing a closed breaker is a no-op, so always refreshing is equivalent; never refreshing is killed by breaker-lazy-transitions.test.ts (late outcome)
    if (this.state.kind !== "closed") this.refresh(now);
    if (generation !== this.generation) return false;
    const state = this.state;
    switch (state.kind) {
      case "closed":
        if (outcome === "success") this.options.rule.success(now);
        else if (outcome === "failure" && this.options.rule.failure(now))
          this.open(now, "failures");
        return true;
      case "half-open": {
        const slot = state.slots.indexOf(start);
        if (slot >= 0) state.slots.splice(slot, 1);
        state.inFlight -= 1;
        if (now - start >= this.options.maxHalfOpenMs) return false;
        if (outcome === "failure") this.open(now, "probe-failed");
        else if (outcome === "success") this.probeSucceeded(state, now);
        return true;
      }
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, every transition bumps the generation and an open breaker admits nothing, so no current call completes while open
      case "open":
        // Stryker disable next-line BooleanLiteral: unreachable (see the case above)
        return true;
      // Stryker disable next-line ConditionalExpression: TypeScript exhaustiveness guard, no state reaches it
      default:
        return unreachable(state);
    }
  }

  /** Forces the breaker open until every returned release function has been called. */
  isolate(now: number): () => void {
    this.isolations += 1;
    if (this.isolations === 1) {
      this.moveTo({ kind: "open", openedAt: now, nextAttemptAt: Infinity }, "isolated", now);
    }
    let released = false;
    return () => {
      if (released || this.isolations === 0) return;
      released = true;
      this.isolations -= 1;
      if (this.isolations === 0) this.close(this.options.clock.now(), "released");
    };
  }

  /** Closes the breaker, forgets the rule's memory and cancels every isolation. */
  reset(now: number): void {
    this.isolations = 0;
    // Stryker disable next-line ConditionalExpression,StringLiteral: close() on a closed breaker does the same (rule reset, generation bump, no event), so skipping this branch is equivalent; always taking it is killed by the reset tests
    if (this.state.kind === "closed") {
      this.options.rule.reset();
      this.generation += 1;
    } else {
      this.close(now, "reset");
    }
  }

  /** Moves to a state pushed by a store, with the reason "remote"; ignored while isolated. */
  applyRemote(next: BreakerState, now: number): void {
    if (this.isolations > 0) return;
    if (next.kind === "closed") this.options.rule.reset();
    this.moveTo(next, "remote", now);
  }

  /** Opens the breaker for one recovery period. */
  open(now: number, reason: TransitionReason): void {
    const nextAttemptAt = now + this.options.recoveryTimeoutMs;
    this.moveTo({ kind: "open", openedAt: now, nextAttemptAt }, reason, now);
  }

  private probeSucceeded(state: BreakerState & { kind: "half-open" }, now: number): void {
    state.successes += 1;
    if (state.successes >= this.options.successThreshold) this.close(now, "probes-succeeded");
  }

  private close(now: number, reason: TransitionReason): void {
    this.options.rule.reset();
    this.moveTo(CLOSED, reason, now);
  }

  private moveTo(next: BreakerState, reason: TransitionReason, now: number): void {
    const from = this.state.kind;
    this.state = next;
    this.generation += 1;
    if (from === next.kind) return;
    this.stateChanges += 1;
    // Stryker disable next-line ConditionalExpression: emitting to an empty listener list does nothing, so always emitting is equivalent; never emitting is killed by the transition tests
    if (this.changes.active) {
      this.changes.emit({ breaker: this.options.name, from, to: next.kind, reason, at: now });
    }
  }
}

/** A fresh half-open round starting at `now`. */
export const halfOpen = (now: number): BreakerState => ({
  kind: "half-open",
  since: now,
  slots: [],
  inFlight: 0,
  successes: 0,
});

// Stryker disable next-line BlockStatement: TypeScript exhaustiveness guard, never called
const unreachable = (value: never): never => {
  // Stryker disable next-line StringLiteral: TypeScript exhaustiveness guard, never called
  throw new Error(`Unknown breaker state ${JSON.stringify(value)}`);
};
