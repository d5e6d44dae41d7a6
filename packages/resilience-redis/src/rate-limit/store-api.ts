import type { LinkProblem } from "./rate-limit-link";
import type { RateLimitStore, RateLimitTakeRequest, RateLimitTakeResult } from "./store-contract";

/** Where admissions are decided right now. */
export type RateLimitStoreMode = "redis" | "insurance" | "rejoining";

/** A take's result; an admission carries `at` (epoch ms counted: Redis, or local time) and `leased`. */
export type RedisTakeResult =
  | Exclude<RateLimitTakeResult, { ok: true }>
  | { ok: true; waitMs: number; at: number; leased?: true };

/** A {@link RateLimitStore} shared through Redis, from {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStore extends RateLimitStore {
  /** `redis`: Redis decides; `insurance`: this process's share decides alone; `rejoining`: both must admit (one window and a reconnect after Redis returns). */
  readonly mode: RateLimitStoreMode;
  /** Why Redis is not used, when it is not (`auth`: it refused the credentials). */
  readonly problem: LinkProblem | undefined;
  take(request: RateLimitTakeRequest): Promise<RedisTakeResult>;
  /** Resolves true once Redis answers, false after `timeoutMs` (default 5_000). Never rejects. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}
