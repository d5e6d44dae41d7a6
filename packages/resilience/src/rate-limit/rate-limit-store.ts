/** One admission request to a shared budget. Times in ms. */
export interface RateLimitTakeRequest {
  /** Already namespaced by the limiter: `${limiterName}:${userKey ?? ""}`. */
  key: string;
  /** > 0, <= limit + burst (the limiter rejects larger with ConfigError first). */
  weight: number;
  /** Weight admitted per window. */
  limit: number;
  /** Window length. */
  intervalMs: number;
  /** Extra weight allowed on top of limit (0 when unset). */
  burst: number;
  /** The caller may wait up to this long for a reservation (0 = now or never). */
  maxWaitMs: number;
}

/**
 * ok: admitted; the caller proceeds after waitMs (0 = now) and the reservation is already counted.
 * not ok: nothing was counted; the earliest time this weight could be admitted is retryAfterMs from now.
 */
export type RateLimitTakeResult =
  | { ok: true; waitMs: number }
  | { ok: false; retryAfterMs: number };

/**
 * A budget shared beyond this process (e.g. Redis), for `rateLimiter({ store })`. Every
 * decision for a key is atomic in the store. The guarantee a store must give: in any window
 * of `intervalMs`, at most `limit + burst` weight admitted per key across all processes.
 *
 * @example
 * ```ts
 * const limiter = rateLimiter({ name: "binance", limit: 1_200, intervalMs: 60_000, store });
 * await limiter.execute(fetchDepth, { weight: 10 });
 * ```
 */
export interface RateLimitStore {
  /** Asks for `request.weight` of the budget of `request.key`. */
  take(request: RateLimitTakeRequest): Promise<RateLimitTakeResult>;
  /** Gives back a reservation that was admitted with waitMs > 0 but will not be used (aborted waiter). Best effort. */
  refund(request: RateLimitTakeRequest): Promise<void>;
  /** Releases the store's resources (connections, timers). */
  close?(): Promise<void>;
}
