import type { CallOutcome } from "../call-outcome";
import type { CircuitState, StateChangeEvent } from "../circuit-state";

/**
 * What a breaker hands to its {@link BreakerStore} when it is created: read its state and push
 * state decided elsewhere (e.g. by other processes) into it. Transitions made through these
 * methods carry the reason `"remote"`; they are ignored while the breaker is isolated.
 */
export interface BreakerStoreHandle {
  /** The breaker's name (use it to key shared state). */
  readonly name: string;
  /** The breaker's current state (time-based transitions applied). */
  readonly state: CircuitState;
  /** The breaker's `recoveryTimeoutMs`. */
  readonly recoveryTimeoutMs: number;
  /** The breaker's `maxHalfOpenMs` (how long one probe round may take). */
  readonly maxHalfOpenMs: number;
  /** The breaker clock's current time, epoch milliseconds. */
  now(): number;
  /**
   * Opens the breaker for `forMs` milliseconds, after which it turns half-open by itself;
   * `Infinity` holds it open until the store calls `halfOpen()` or `close()`.
   */
  open(forMs: number): void;
  /** Turns the breaker half-open now, so its next calls are probes. */
  halfOpen(): void;
  /** Closes the breaker and clears its rule's memory. */
  close(): void;
}

/**
 * The store's side of one attached breaker. Both methods are called synchronously on the
 * breaker's own code path: they must be cheap, must never throw and must never wait for I/O
 * (queue the work and do it in the background).
 */
export interface BreakerStoreBinding {
  /**
   * Called once per failed or ignored call that was admitted in the current state (not
   * stale). Successes are not reported, so a passing call costs the same with or without a
   * store; a store that needs them can count them through `onOutcome`.
   */
  outcome(type: Exclude<CallOutcome, "success">): void;
  /** Called on every state change, including those the store caused (`reason: "remote"`). */
  stateChange(event: StateChangeEvent): void;
}

/**
 * A plug-in point for sharing breaker state beyond one process, passed as
 * `circuitBreaker({ store })`. The breaker still decides every call locally; the store only
 * hears about local outcomes and transitions and may push remote decisions through the
 * {@link BreakerStoreHandle}. See `@peak/resilience-redis` for a Redis implementation.
 *
 * @example
 * ```ts
 * const logging: BreakerStore = {
 *   attach: (handle) => ({
 *     outcome: () => undefined,
 *     stateChange: (event) => console.log(handle.name, event.from, "->", event.to),
 *   }),
 * };
 * const breaker = circuitBreaker({ name: "kraken", store: logging });
 * ```
 */
export interface BreakerStore {
  /** Called once by `circuitBreaker()` with the new breaker's handle. */
  attach(handle: BreakerStoreHandle): BreakerStoreBinding;
}
