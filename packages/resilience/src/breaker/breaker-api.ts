import type { CircuitBreakerSnapshot } from "./breaker-snapshot";
import type { CircuitBreakerStats, CircuitState, OutcomeEvent } from "./circuit-state";
import type { StateChangeEvent } from "./circuit-state";
import type { ExecuteContext, ExecuteResult, WrappingPolicy } from "../shared/policy";

/** A circuit breaker, as returned by `circuitBreaker(options)`. */
export interface CircuitBreaker extends WrappingPolicy {
  /** The name given in the options. */
  readonly name: string;
  /** The current state (time-based transitions are applied when you read it). */
  readonly state: CircuitState;
  /** A copy of the counters. */
  readonly stats: CircuitBreakerStats;
  /**
   * Runs `fn` if the breaker admits the call.
   * @throws {@link CircuitOpenError} when open, or half-open with every probe slot taken
   * @throws whatever `fn` throws, unchanged
   */
  execute<T>(fn: (context: ExecuteContext) => T | PromiseLike<T>, signal?: AbortSignal): Promise<T>;
  /** Like `execute`, but never rejects: resolves to `{ ok: true, value }` or `{ ok: false, error }`. */
  tryExecute<T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<ExecuteResult<T>>;
  /** Returns `fn` guarded by this breaker, with the same parameters. */
  wrap<A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>): (...args: A) => Promise<T>;
  /** Closes the breaker, clears the rule's memory and lifts every isolation. */
  reset(): void;
  /** Holds the breaker open (rejecting every call) until the returned release is called. */
  isolate(): () => void;
  /** The state to save; pass it back as `initialState`. */
  toJSON(): CircuitBreakerSnapshot;
  /** Calls `listener` on every state change; returns an unsubscribe function. */
  onStateChange(listener: (event: StateChangeEvent) => void): () => void;
  /** Calls `listener` on every outcome (success, failure, ignored, rejected). */
  onOutcome(listener: (event: OutcomeEvent) => void): () => void;
}
