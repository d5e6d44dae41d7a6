import { ConfigError } from "@peak/errors";
import type { SlidingLog } from "./sliding-log";

/**
 * A rate limiter's saved admissions, from `toJSON()`, for `restore()` in a new process (a
 * restart must not hand out a fresh budget the exchange still counts as spent). Times are
 * epoch milliseconds of the limiter's clock; waiting calls are not saved.
 */
export interface RateLimiterSnapshot {
  readonly version: 1;
  readonly name: string;
  readonly limit: number;
  readonly intervalMs: number;
  readonly burst: number;
  /** Per key (`""` for the default budget): `[time, weight]` of each admission still in the window. */
  readonly keys: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/** Saves the admitted, still relevant entries of every budget. */
export const saveRateLimiter = (
  settings: Omit<RateLimiterSnapshot, "version" | "keys">,
  budgets: ReadonlyMap<string, { readonly log: Pick<SlidingLog, "evict" | "admitted"> }>,
  now: number,
): RateLimiterSnapshot => {
  const keys: Record<string, [number, number][]> = {};
  for (const [key, budget] of budgets) {
    budget.log.evict(now);
    const entries = budget.log.admitted();
    if (entries.length > 0) keys[key] = entries;
  }
  return { version: 1, ...settings, keys };
};

const isEntry = (value: unknown): value is [number, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isFinite(value[0]) &&
  typeof value[1] === "number" &&
  value[1] > 0;

/** Checks a snapshot's shape and returns its entries per key, oldest first. */
export const readSnapshot = (name: string, value: unknown): Map<string, [number, number][]> => {
  const s = value as Partial<RateLimiterSnapshot> | null;
  const keys = typeof s === "object" && s !== null && s.version === 1 ? s.keys : undefined;
  const entries = typeof keys === "object" && keys !== null ? Object.entries(keys) : undefined;
  if (
    entries === undefined ||
    !entries.every(([, list]) => Array.isArray(list) && list.every(isEntry))
  ) {
    throw new ConfigError(`Rate limiter "${name}" cannot restore a malformed snapshot`, {
      hint: "Pass the object returned by a rate limiter's toJSON() (version 1)",
      context: { limiter: name, option: "snapshot" },
    });
  }
  return new Map(
    entries.map(([key, list]) => [
      key,
      [...(list as [number, number][])].sort((a, b) => a[0] - b[0]),
    ]),
  );
};
