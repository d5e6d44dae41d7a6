import { randomUUID } from "node:crypto";
import { ConfigError } from "@peak/errors";
import type { RedisOptions } from "ioredis";

/** Where the store reports trouble; `info` is optional. @defaultValue `console` */
export interface StoreLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  info?(message: string, context?: Record<string, unknown>): void;
}

/** Options of {@link createRedisBreakerStore}. */
export interface RedisBreakerStoreOptions {
  /** A `redis://` URL or ioredis options (the store owns and closes its connections). @defaultValue "redis://127.0.0.1:6379" */
  redis?: string | RedisOptions;
  /** Prefix of every key and of the events channel. @defaultValue "peak:breaker" */
  namespace?: string;
  /** Distinct processes whose local breakers must trip within `windowMs` to open everywhere. @defaultValue 2 */
  quorum?: number;
  /** Failures within `windowMs` after which one process alone opens the shared breaker. @defaultValue 10 */
  soloThreshold?: number;
  /** How long a trip or a failure counts towards `quorum` and `soloThreshold`. @defaultValue 60_000 */
  windowMs?: number;
  /** Interval of the background sync that flushes failure counts and re-reads shared state. @defaultValue 1_000 */
  pollIntervalMs?: number;
  /** Delay between reconnection attempts while Redis is unreachable. @defaultValue 1_000 */
  reconnectIntervalMs?: number;
  /** A Redis command slower than this counts as Redis being down. @defaultValue 500 */
  commandTimeoutMs?: number;
  /** Expiry of every key after its last write (an open state lives `recoveryTimeoutMs` longer). @defaultValue 600_000 */
  keyTtlMs?: number;
  /** This process's id in the quorum. @defaultValue a random UUID */
  instanceId?: string;
  /** Receives "Redis unavailable" (once per outage), "rejoined" and foreign-state warnings. @defaultValue console */
  logger?: StoreLogger;
}

/** Options with defaults filled in and checked. */
export type ResolvedStoreOptions = Required<Omit<RedisBreakerStoreOptions, "redis">> & {
  readonly redis: RedisOptions;
};

const fail = (
  option: string,
  expected: string,
  got: unknown,
  owner = "createRedisBreakerStore",
): never => {
  throw new ConfigError(`${owner}: \`${option}\` must be ${expected}`, {
    hint: `Pass a valid \`${option}\` (got ${JSON.stringify(got) ?? String(got)})`,
    context: { option, owner },
  });
};

/** A positive finite number (or integer) option, or `fallback` when unset. */
export const positive = (
  option: string,
  value: unknown,
  fallback: number,
  integer = false,
  owner = "createRedisBreakerStore",
): number => {
  if (value === undefined) return fallback;
  const ok = typeof value === "number" && value > 0 && Number.isFinite(value);
  if (!ok || (integer && !Number.isInteger(value))) {
    return fail(option, integer ? "a positive integer" : "a positive finite number", value, owner);
  }
  return value;
};

/** A key-safe text option, or `fallback` when unset. */
export const text = (
  option: string,
  value: unknown,
  fallback: string,
  owner = "createRedisBreakerStore",
): string => {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^[\w.:-]+$/.test(value)) {
    return fail(
      option,
      "a non-empty string of letters, digits, `_`, `.`, `:` or `-`",
      value,
      owner,
    );
  }
  return value;
};

/** A `redis://` URL or ioredis options, as ioredis options. */
export const redisOptions = (value: unknown, owner = "createRedisBreakerStore"): RedisOptions => {
  if (value === undefined) return { host: "127.0.0.1", port: 6379 };
  if (typeof value === "object" && value !== null) return value as RedisOptions;
  if (typeof value !== "string" || !/^rediss?:\/\//.test(value)) {
    return fail("redis", "a redis:// URL or an ioredis options object", value, owner);
  }
  const url = new URL(value);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return {
    host: url.hostname,
    port: url.port === "" ? 6379 : Number(url.port),
    ...(url.username === "" ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === "" ? {} : { password: decodeURIComponent(url.password) }),
    ...(db === undefined || !Number.isInteger(db) ? {} : { db }),
    ...(url.protocol === "rediss:" ? { tls: {} } : {}),
  };
};

/** Checks `options` and fills in defaults; throws a `ConfigError` naming a bad option. */
export const resolveStoreOptions = (options: RedisBreakerStoreOptions): ResolvedStoreOptions => ({
  redis: redisOptions(options.redis),
  namespace: text("namespace", options.namespace, "peak:breaker"),
  quorum: positive("quorum", options.quorum, 2, true),
  soloThreshold: positive("soloThreshold", options.soloThreshold, 10, true),
  windowMs: positive("windowMs", options.windowMs, 60_000),
  pollIntervalMs: positive("pollIntervalMs", options.pollIntervalMs, 1_000),
  reconnectIntervalMs: positive("reconnectIntervalMs", options.reconnectIntervalMs, 1_000),
  commandTimeoutMs: positive("commandTimeoutMs", options.commandTimeoutMs, 500),
  keyTtlMs: positive("keyTtlMs", options.keyTtlMs, 600_000),
  instanceId: text("instanceId", options.instanceId, randomUUID()),
  logger: options.logger ?? console,
});
