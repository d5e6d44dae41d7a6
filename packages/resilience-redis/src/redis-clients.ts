import { Redis } from "ioredis";
import { CLAIM_SCRIPT, RESOLVE_SCRIPT, SYNC_SCRIPT } from "./lua-scripts";
import type { ResolvedStoreOptions } from "./store-options";

/** Unrefs a connected client's socket so an idle connection never keeps Node alive. */
export const unrefSocket = (client: Redis): void => {
  (client.stream as { unref?: () => void } | undefined)?.unref?.();
};

/** The command connection (with the Lua scripts defined) and the pub/sub connection. */
export const createClients = (options: ResolvedStoreOptions): [Redis, Redis] => {
  const base = {
    ...options.redis,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResubscribe: false,
    retryStrategy: () => null,
    connectTimeout: options.commandTimeoutMs * 4,
  };
  const client = new Redis({ ...base, commandTimeout: options.commandTimeoutMs });
  client.defineCommand("peakBreakerSync", { numberOfKeys: 2, lua: SYNC_SCRIPT });
  client.defineCommand("peakBreakerClaim", { numberOfKeys: 2, lua: CLAIM_SCRIPT });
  client.defineCommand("peakBreakerResolve", { numberOfKeys: 2, lua: RESOLVE_SCRIPT });
  return [client, new Redis(base)];
};
