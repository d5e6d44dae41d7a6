import { contextFor } from "../shared/never-signal";
import { withWrap, type ExecuteContext, type WrappingPolicy } from "../shared/policy";
import { abortReason } from "../time/sleep";
import { LocalGate } from "./local-gate";
import { RateLimitCounters } from "./rate-limit-counters";
import { saveRateLimiter } from "./rate-limit-snapshot";
import type { RateLimitStore } from "./rate-limit-store";
import type {
  RateLimitCallOptions,
  RateLimiter,
  RateLimiterBase,
  RateLimiterStats,
  SharedRateLimiter,
} from "./rate-limiter-api";
import {
  checkWeight,
  resolveRateLimiterOptions,
  type RateLimiterOptions,
  type ResolvedRateLimiterOptions,
} from "./rate-limiter-options";
import { Rejection } from "./rejection";
import { SharedGate } from "./shared-gate";

type Gate = LocalGate | SharedGate;

const NO_OPTIONS: RateLimitCallOptions = Object.freeze({});

const isSignal = (value: unknown): value is AbortSignal =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as AbortSignal).aborted === "boolean";

const run = <T>(fn: (context: ExecuteContext) => T | PromiseLike<T>, signal?: AbortSignal) => {
  try {
    return Promise.resolve(fn(contextFor(signal)));
  } catch (error) {
    return Promise.reject(error as Error);
  }
};

/**
 * A rate limiter: admits at most `limit` (+ `burst`) weight in **any** window of `intervalMs`,
 * whatever the window's alignment, as an exchange's weight budget requires. It is an exact
 * weighted sliding log: bursts up to the whole budget pass at once, then calls wait (up to
 * `maxWaitMs`, first come first served) until old admissions leave the window, or are
 * rejected at once with a retryable `RateLimitedError` carrying `retryAfterMs`. Each `key`
 * has its own budget; idle keys are dropped. With `store`, the budget is shared across
 * processes and `tryAcquire` returns a promise.
 *
 * @throws {@link ConfigError} for a bad option (and, per call, a weight above `limit + burst`)
 * @example
 * ```ts
 * const binance = rateLimiter({ name: "binance", limit: 1_200, intervalMs: 60_000, maxWaitMs: 5_000 });
 * const depth = await binance.execute(({ signal }) => fetchDepth("BTCUSDT", { signal }), { weight: 10 });
 * const client = wrap(retryWithBackoff(), breaker, binance, timeout(2_000));
 * ```
 */
export function rateLimiter(
  options: RateLimiterOptions & { store: RateLimitStore },
): SharedRateLimiter;
export function rateLimiter(options: RateLimiterOptions): RateLimiter;
export function rateLimiter(options: RateLimiterOptions): RateLimiter | SharedRateLimiter {
  const resolved = resolveRateLimiterOptions(options);
  const counters = new RateLimitCounters(resolved);
  if (options.store !== undefined) {
    const gate = new SharedGate(resolved, counters, options.store);
    const store = options.store;
    const tryAcquire: SharedRateLimiter["tryAcquire"] = (o = {}) => tryWith(gate, resolved, o);
    // Object.assign (not a spread) keeps the live `stats` getter.
    return Object.assign(base(resolved, counters, gate), { store, tryAcquire });
  }
  const gate = new LocalGate(resolved, counters);
  const { name, limit, intervalMs, burst, clock } = resolved;
  const local: Pick<RateLimiter, "tryAcquire" | "toJSON" | "restore"> = {
    tryAcquire: (o = {}) => gate.tryAcquire(checkWeight(resolved, o.weight), o.key),
    toJSON: () => saveRateLimiter({ name, limit, intervalMs, burst }, gate.budgets, clock.now()),
    restore: (snapshot) => gate.restore(snapshot),
  };
  return Object.assign(base(resolved, counters, gate), local);
}

const tryWith = (
  gate: SharedGate,
  options: ResolvedRateLimiterOptions,
  o: RateLimitCallOptions,
) => {
  try {
    return gate.tryAcquire(checkWeight(options, o.weight), o.key);
  } catch (error) {
    return Promise.reject(error as Error);
  }
};

const base = (
  options: ResolvedRateLimiterOptions,
  counters: RateLimitCounters,
  gate: Gate,
): Omit<RateLimiterBase, "stats"> & { readonly stats: RateLimiterStats } => {
  // Never throws: a bad weight or an aborted signal comes back as a rejected promise.
  const admit = (
    weight: unknown,
    key: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> | Rejection | undefined => {
    try {
      const checked = checkWeight(options, weight);
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return gate.acquire(checked, key, signal);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
  // Not async, and no closure unless the call waits: a rejection costs one promise.
  const execute = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    callOptions?: RateLimitCallOptions | AbortSignal,
  ): Promise<T> => {
    const o = isSignal(callOptions) ? { signal: callOptions } : (callOptions ?? NO_OPTIONS);
    const waiting = admit(o.weight, o.key, o.signal);
    if (waiting === undefined) return run(fn, o.signal);
    if (waiting instanceof Rejection) return waiting.promise();
    return waiting.then(() => run(fn, o.signal));
  };
  const policy = (p: Omit<RateLimitCallOptions, "signal">): WrappingPolicy =>
    withWrap((fn, signal) => execute(fn, { ...p, signal }));
  return {
    name: options.name,
    execute,
    wrap:
      (fn) =>
      (...args) =>
        execute(() => fn(...args)),
    policy,
    acquire: (weight, o = NO_OPTIONS) => {
      const waiting = admit(weight, o.key, o.signal);
      if (waiting === undefined) return Promise.resolve();
      return waiting instanceof Rejection ? waiting.promise() : waiting;
    },
    onEvent: (listener) => counters.listeners.add(listener),
    get stats(): RateLimiterStats {
      const { acquired, acquiredWeight, rejected, rejectedWeight, queued } = counters;
      const keys = gate instanceof LocalGate ? gate.budgets.size : 0;
      return { acquired, acquiredWeight, rejected, rejectedWeight, queued, keys };
    },
  };
};
