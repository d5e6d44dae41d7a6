export { createRedisBreakerStore } from "./redis-breaker-store";
export type { RedisBreakerStore } from "./redis-breaker-store";
export type { RedisBreakerStoreOptions, StoreLogger } from "./store-options";
export { SCHEMA_VERSION } from "./shared-state";
