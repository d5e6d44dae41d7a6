import type { ExecuteContext, WrappingPolicy } from "../shared/policy";
import type { RateLimiterSnapshot } from "./rate-limit-snapshot";
import type { RateLimitStore } from "./rate-limit-store";

/** Per-call options of a rate limiter. */
export interface RateLimitCallOptions {
  /** The call's share of the budget (an exchange's request weight). @defaultValue 1 */
  weight?: number | undefined;
  /** Which budget to draw from (per API key, per endpoint). @defaultValue the shared default budget */
  key?: string | undefined;
  /** Aborting it takes a waiting call out of the queue and gives its reservation back. */
  signal?: AbortSignal | undefined;
}

/** The answer of `tryAcquire`: admitted now, or how long until the weight would fit. */
export type RateLimitAttempt = { ok: true } | { ok: false; retryAfterMs: number };

/** What a rate limiter reports to `onEvent` listeners (and metrics). */
export type RateLimitEvent =
  | { type: "acquired"; key: string | undefined; weight: number; waitMs: number }
  | { type: "rejected"; key: string | undefined; weight: number; retryAfterMs: number };

/** Counters of a rate limiter since it was created. */
export interface RateLimiterStats {
  /** Calls admitted (now or after waiting). */
  readonly acquired: number;
  /** Weight admitted. */
  readonly acquiredWeight: number;
  /** Calls rejected with a `RateLimitedError` (or a not-ok `tryAcquire`). */
  readonly rejected: number;
  /** Weight rejected. */
  readonly rejectedWeight: number;
  /** Calls waiting for their slot now. */
  readonly queued: number;
  /** Budgets (keys) held in memory now (always 0 with a store). */
  readonly keys: number;
}

/** What every rate limiter offers, local or backed by a store. */
export interface RateLimiterBase extends WrappingPolicy {
  /** The limiter's name. */
  readonly name: string;
  /**
   * Runs `fn` once `weight` of the budget of `key` is admitted (waiting up to `maxWaitMs`).
   * The second argument is the options, or just a signal (as `wrap()` passes it).
   * @throws {@link RateLimitedError} when the call would wait longer than `maxWaitMs`
   * @throws {@link ConfigError} when the weight can never fit (above `limit + burst`)
   */
  execute<T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    options?: RateLimitCallOptions | AbortSignal,
  ): Promise<T>;
  /** Resolves once `weight` is admitted; rejects as {@link RateLimiterBase.execute} does. */
  acquire(weight?: number, options?: Omit<RateLimitCallOptions, "weight">): Promise<void>;
  /** A policy for `wrap()` whose calls carry this weight and key. */
  policy(options: Omit<RateLimitCallOptions, "signal">): WrappingPolicy;
  /** Counters since creation. */
  readonly stats: RateLimiterStats;
  /** Calls `listener` on every admission and rejection; returns a function that stops it. */
  onEvent(listener: (event: RateLimitEvent) => void): () => void;
}

/** A rate limiter whose budget lives in this process. */
export interface RateLimiter extends RateLimiterBase {
  /** Admits `weight` now if it fits (and nobody waits ahead), never waiting. */
  tryAcquire(options?: Omit<RateLimitCallOptions, "signal">): RateLimitAttempt;
  /** The admissions still inside the window, to hand over to {@link RateLimiter.restore}. */
  toJSON(): RateLimiterSnapshot;
  /** Counts a snapshot's admissions as if made here; throws a `ConfigError` for malformed data. */
  restore(snapshot: unknown): void;
}

/** A rate limiter whose budget lives in a {@link RateLimitStore} shared across processes. */
export interface SharedRateLimiter extends RateLimiterBase {
  /** Admits `weight` now if the store has room, never waiting. */
  tryAcquire(options?: Omit<RateLimitCallOptions, "signal">): Promise<RateLimitAttempt>;
  /** The store the budget lives in. */
  readonly store: RateLimitStore;
}
