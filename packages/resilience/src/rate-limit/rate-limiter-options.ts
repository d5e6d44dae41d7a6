import { ConfigError } from "@peak/errors";
import { systemClock, type Clock } from "../time/clock";
import { badOption, checkNumber } from "../shared/validate";
import type { RateLimitStore } from "./rate-limit-store";

/** Options of {@link rateLimiter}. */
export interface RateLimiterOptions {
  /** Name used in errors, events and metrics. @defaultValue "rate-limiter" */
  name?: string;
  /** Weight admitted in any window of `intervalMs`. */
  limit: number;
  /** Window length in milliseconds. */
  intervalMs: number;
  /** Extra weight allowed on top of `limit` in any window. @defaultValue 0 */
  burst?: number;
  /**
   * Longest a call may wait for room; a call that would wait longer is rejected at once with
   * a `RateLimitedError`. `0` means admit now or reject. @defaultValue 0
   */
  maxWaitMs?: number;
  /** A budget shared beyond this process (e.g. Redis); see {@link RateLimitStore}. */
  store?: RateLimitStore;
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
}

/** Rate limiter options with defaults filled in and checked. */
export interface ResolvedRateLimiterOptions {
  readonly name: string;
  readonly limit: number;
  readonly intervalMs: number;
  readonly burst: number;
  readonly capacity: number;
  readonly maxWaitMs: number;
  readonly clock: Clock;
}

const OWNER = "rateLimiter";
const KNOWN = new Set(["name", "limit", "intervalMs", "burst", "maxWaitMs", "store", "clock"]);

/** Checks `options` and fills in defaults; throws a `ConfigError` naming a bad option. */
export const resolveRateLimiterOptions = (
  options: RateLimiterOptions,
): ResolvedRateLimiterOptions => {
  if (typeof options !== "object" || options === null) {
    badOption(OWNER, "options", "an options object", options);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new ConfigError(`Unknown option \`${key}\` of rateLimiter()`, {
        hint: `Known options: ${[...KNOWN].join(", ")}`,
        context: { option: key, owner: OWNER },
      });
    }
  }
  const name = options.name ?? "rate-limiter";
  if (typeof name !== "string" || name === "") badOption(OWNER, "name", "a non-empty string", name);
  const limit = checkNumber(OWNER, "limit", options.limit, undefined, Number.MIN_VALUE);
  const intervalMs = checkNumber(
    OWNER,
    "intervalMs",
    options.intervalMs,
    undefined,
    Number.MIN_VALUE,
  );
  const burst = checkNumber(OWNER, "burst", options.burst, 0);
  const maxWaitMs = checkNumber(OWNER, "maxWaitMs", options.maxWaitMs, 0);
  const store = options.store;
  if (store !== undefined && (typeof store !== "object" || typeof store.take !== "function")) {
    badOption(OWNER, "store", "a RateLimitStore (an object with take and refund)", store);
  }
  const clock = options.clock ?? systemClock;
  return { name, limit, intervalMs, burst, capacity: limit + burst, maxWaitMs, clock };
};

/** The weight of one call: a finite number in (0, capacity]; anything else is a `ConfigError`. */
export const checkWeight = (options: ResolvedRateLimiterOptions, weight: unknown): number => {
  if (weight === undefined) return 1;
  if (typeof weight === "number" && weight > 0 && weight <= options.capacity) return weight;
  const capacity = options.capacity;
  const shown = typeof weight === "number" ? String(weight) : typeof weight;
  throw new ConfigError(
    `Rate limiter "${options.name}" cannot admit a weight of ${shown}: it must be a number in (0, ${capacity}]`,
    {
      hint:
        typeof weight === "number" && weight > capacity
          ? `No window can ever hold it: raise \`limit\` or \`burst\` (capacity ${capacity}), or split the call`
          : "Pass a positive finite `weight`, or leave it out for 1",
      context: { limiter: options.name, option: "weight", weight: shown, capacity },
    },
  );
};
