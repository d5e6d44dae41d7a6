import { Redis, type RedisOptions } from "ioredis";
import { CLAIM_SCRIPT, RESOLVE_SCRIPT, SYNC_SCRIPT } from "./lua-scripts";
import type { ResolvedStoreOptions } from "./store-options";

/** Unrefs a connected client's socket so an idle connection never keeps Node alive. */
export const unrefSocket = (client: Redis): void => {
  (client.stream as { unref?: () => void } | undefined)?.unref?.();
};

/**
 * Connection options for a store-owned client: connected on demand, no offline queue (commands
 * fail fast while Redis is unreachable), no ioredis reconnection (the store's unref'd timer
 * reconnects instead).
 */
export const clientOptions = (redis: RedisOptions, commandTimeoutMs: number): RedisOptions => ({
  ...redis,
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResubscribe: false,
  // Stryker disable next-line ArrowFunction: ioredis reconnects only when retryStrategy returns a number; undefined ends the connection as null does
  retryStrategy: () => null,
  connectTimeout: commandTimeoutMs * 4,
});

/** ioredis's own command deadline: long after the stores' own (`withDeadline`), so a process that stalled reads a late reply first. */
const BACKSTOP_MS = 60_000;

/**
 * Options for a store's command connection: {@link clientOptions}, and ioredis's
 * `commandTimeout` as a backstop only (60 s, or 4 × `commandTimeoutMs` when longer), which clears
 * commands Redis never answers; each command's real deadline is the store's `withDeadline`.
 */
export const commandClientOptions = (
  redis: RedisOptions,
  commandTimeoutMs: number,
): RedisOptions => ({
  ...clientOptions(redis, commandTimeoutMs),
  commandTimeout: Math.max(BACKSTOP_MS, commandTimeoutMs * 4),
});

/** The command connection (with the Lua scripts defined) and the pub/sub connection. */
export const createClients = (options: ResolvedStoreOptions): [Redis, Redis] => {
  const base = clientOptions(options.redis, options.commandTimeoutMs);
  const client = new Redis(commandClientOptions(options.redis, options.commandTimeoutMs));
  client.defineCommand("peakBreakerSync", { numberOfKeys: 2, lua: SYNC_SCRIPT });
  client.defineCommand("peakBreakerClaim", { numberOfKeys: 2, lua: CLAIM_SCRIPT });
  client.defineCommand("peakBreakerResolve", { numberOfKeys: 2, lua: RESOLVE_SCRIPT });
  return [client, new Redis(base)];
};
