export { createRedisBreakerStore } from "./redis-breaker-store";
export type { RedisBreakerStore } from "./redis-breaker-store";
export type { RedisBreakerStoreOptions, StoreLogger } from "./store-options";
export { SCHEMA_VERSION } from "./shared-state";
export { createRedisRateLimitStore } from "./rate-limit/redis-rate-limit-store";
export type { RateLimitStoreMode, RedisRateLimitStore } from "./rate-limit/redis-rate-limit-store";
export type {
  InsuranceOptions,
  LeaseOptions,
  RedisRateLimitStoreOptions,
} from "./rate-limit/rate-limit-options";
export type { LinkProblem } from "./rate-limit/rate-limit-link";
export type {
  RateLimitStore,
  RateLimitTakeRequest,
  RateLimitTakeResult,
} from "./rate-limit/store-contract";
