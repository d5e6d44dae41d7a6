import { assertKnownKeys, ConfigError } from "@peak/errors";
import type { RedisOptions } from "ioredis";
import { positive, redisOptions, text, type StoreLogger } from "../store-options";
import type { RateLimitTakeRequest } from "./store-contract";

const OWNER = "createRedisRateLimitStore";

/** What the store does while Redis is unreachable. */
export interface InsuranceOptions {
  /**
   * Weight per window this process may admit alone (its share of the budget).
   * @defaultValue `limit / fleetSize`; without `fleetSize`, 0 (every call is rejected: fail closed)
   */
  limit?: number;
  /**
   * Treat the window before the outage as spent, so this process admits nothing locally until
   * `intervalMs` after it saw Redis fail. Keeps the fleet within the budget across the outage's
   * first window; `false` trades that for availability (see the README's bound).
   * @defaultValue true
   */
  holdOff?: boolean;
}

/** Local leases (opt-in): spend a slice of the budget reserved ahead, without a round trip. */
export interface LeaseOptions {
  /** Weight reserved in Redis per lease (ask with a take whose weight is at most this). */
  size: number;
  /** How long a lease may be spent after its take was sent (at most a twentieth of the window); unspent weight then expires. @defaultValue 100 */
  ttlMs?: number;
}

/** Options of {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** A `redis://` URL or ioredis options (the store owns and closes its connection). @defaultValue "redis://127.0.0.1:6379" */
  redis?: string | RedisOptions;
  /** Same as a string `redis` (give one of the two). */
  url?: string;
  /** Prefix of every key. @defaultValue "peak:rate" */
  prefix?: string;
  /** Processes sharing the budget; each one's insurance share is `limit / fleetSize`. */
  fleetSize?: number;
  /** See {@link InsuranceOptions}. */
  insurance?: InsuranceOptions;
  /** A Redis command slower than this counts as Redis being down; no call waits longer on Redis. @defaultValue 250 */
  commandTimeoutMs?: number;
  /** Delay between reconnection attempts while Redis is unreachable. @defaultValue 1_000 */
  reconnectIntervalMs?: number;
  /** Added to every window, so network jitter between processes cannot squeeze two windows' calls into one at the exchange. @defaultValue 0 */
  marginMs?: number;
  /**
   * Off by default. Leases never let a window exceed `limit + burst`; unspent lease weight stays
   * counted until its hold and a window have passed (see the README).
   */
  lease?: LeaseOptions;
  /** Receives "Redis unavailable" (once per outage), "authentication failed" and "rejoined". @defaultValue console */
  logger?: StoreLogger;
}

/** Options with defaults filled in and checked. */
export interface ResolvedRateLimitOptions {
  readonly redis: RedisOptions;
  readonly prefix: string;
  readonly fleetSize: number | undefined;
  readonly insuranceLimit: number | undefined;
  readonly holdOff: boolean;
  readonly commandTimeoutMs: number;
  readonly reconnectIntervalMs: number;
  readonly marginMs: number;
  readonly lease: { readonly size: number; readonly ttlMs: number } | undefined;
  readonly logger: StoreLogger;
}

const KEYS = [
  "redis",
  "url",
  "prefix",
  "fleetSize",
  "insurance",
  "commandTimeoutMs",
  "reconnectIntervalMs",
  "marginMs",
  "lease",
  "logger",
];

const nonNegative = (option: string, value: unknown): number => {
  if (value === undefined || value === 0) return 0;
  return positive(option, value, 0, false, OWNER);
};

/** Checks `options` and fills in defaults; throws a `ConfigError` naming a bad or unknown option. */
export const resolveRateLimitOptions = (
  options: RedisRateLimitStoreOptions,
): ResolvedRateLimitOptions => {
  assertKnownKeys(options, KEYS, { owner: OWNER });
  const insurance = options.insurance ?? {};
  assertKnownKeys(insurance, ["limit", "holdOff"], { owner: OWNER, prefix: "insurance." });
  if (options.url !== undefined && options.redis !== undefined) {
    throw new ConfigError(`${OWNER}: give \`redis\` or \`url\`, not both`, {
      hint: 'Pass the connection once, e.g. `url: "redis://127.0.0.1:6379"`',
      context: { option: "url", owner: OWNER },
    });
  }
  const lease = options.lease;
  // Stryker disable next-line ConditionalExpression: assertKnownKeys accepts undefined (no keys to check)
  if (lease !== undefined)
    assertKnownKeys(lease, ["size", "ttlMs"], { owner: OWNER, prefix: "lease." });
  const limit =
    insurance.limit === undefined ? undefined : nonNegative("insurance.limit", insurance.limit);
  return {
    redis: redisOptions(options.url ?? options.redis, OWNER),
    prefix: text("prefix", options.prefix, "peak:rate", OWNER),
    fleetSize:
      options.fleetSize === undefined
        ? undefined
        : positive("fleetSize", options.fleetSize, 1, true, OWNER),
    insuranceLimit: limit,
    holdOff: insurance.holdOff ?? true,
    commandTimeoutMs: positive("commandTimeoutMs", options.commandTimeoutMs, 250, false, OWNER),
    reconnectIntervalMs: positive(
      "reconnectIntervalMs",
      options.reconnectIntervalMs,
      1_000,
      false,
      OWNER,
    ),
    marginMs: nonNegative("marginMs", options.marginMs),
    lease:
      lease === undefined
        ? undefined
        : {
            size: positive("lease.size", lease.size ?? null, 0, false, OWNER),
            ttlMs: positive("lease.ttlMs", lease.ttlMs, 100, false, OWNER),
          },
    logger: options.logger ?? console,
  };
};

/** A take's cap, `limit + burst`, once its weight is checked to be in (0, cap]. @throws {@link ConfigError} otherwise */
export const checkedCap = (request: RateLimitTakeRequest): number => {
  const cap = request.limit + request.burst;
  if (!(request.weight > 0) || request.weight > cap) {
    throw new ConfigError(`rate limit store: weight ${request.weight} is outside (0, ${cap}]`, {
      hint: "A call's weight must be positive and at most limit + burst",
      context: { key: request.key, weight: request.weight, cap },
    });
  }
  return cap;
};
