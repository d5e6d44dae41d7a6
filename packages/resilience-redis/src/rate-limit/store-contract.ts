// The rate-limit store contract of `rateLimiter({ store })` in @peak/resilience, declared here
// structurally so this package builds on its own; the limiter passes the same request object
// to `take` and (for an aborted waiter) to `refund`.

/** One admission request to a shared budget. Times in ms. */
export interface RateLimitTakeRequest {
  /** Already namespaced by the limiter: `${limiterName}:${userKey}`. */
  key: string;
  /** Weight of this call, `0 < weight <= limit + burst`. */
  weight: number;
  /** Weight admitted per window. */
  limit: number;
  /** Window length. */
  intervalMs: number;
  /** Extra weight allowed on top of `limit` (0 when unset). */
  burst: number;
  /** The caller may wait up to this long for a reservation (0 = now or never). */
  maxWaitMs: number;
}

/**
 * `ok`: admitted; the caller proceeds after `waitMs` (0 = now), the reservation is counted.
 * Not `ok`: nothing was counted; the weight could be admitted `retryAfterMs` from now at the earliest.
 */
export type RateLimitTakeResult =
  | { ok: true; waitMs: number }
  | { ok: false; retryAfterMs: number };

/** A budget shared beyond this process. Every decision for a key is atomic in the store. */
export interface RateLimitStore {
  take(request: RateLimitTakeRequest): Promise<RateLimitTakeResult>;
  /** Gives back a reservation admitted with `waitMs > 0` that will not be used. Best effort. */
  refund(request: RateLimitTakeRequest): Promise<void>;
  close?(): Promise<void>;
}
