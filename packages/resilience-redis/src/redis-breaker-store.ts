import type { BreakerStore, BreakerStoreHandle } from "@peak/resilience";
import { RedisLink } from "./redis-link";
import { SharedBreaker } from "./shared-breaker";
import { parseSharedState, warnForeign } from "./shared-state";
import { resolveStoreOptions, type RedisBreakerStoreOptions } from "./store-options";

/** A {@link BreakerStore} backed by Redis, from {@link createRedisBreakerStore}. */
export interface RedisBreakerStore extends BreakerStore {
  /** This process's id in the quorum. */
  readonly instanceId: string;
  /** True while Redis answers (false: every attached breaker decides alone). */
  readonly connected: boolean;
  /**
   * Resolves true once Redis answers, or false after `timeoutMs` (default 5_000). Never rejects.
   * Node stays alive while a caller awaits it (at most `timeoutMs`).
   */
  ready(timeoutMs?: number): Promise<boolean>;
  /** Stops syncing, hands every breaker back to local control and closes the connections. */
  close(): Promise<void>;
}

/**
 * Creates a Redis-backed breaker store for `circuitBreaker({ store })`. Every call is still
 * decided locally; local trips are published at once (Lua script + pub/sub), failure counts on
 * each poll tick. The shared breaker opens when `quorum` distinct processes tripped within
 * `windowMs`, or one process alone failed `soloThreshold` times; then exactly one process
 * probes and its result reaches every process. When Redis is down or slow, breakers fall back
 * to local decisions at once (logged once) and rejoin when it answers again. Never throws after
 * creation; no timer or socket keeps the process alive.
 *
 * @throws {@link ConfigError} for a bad option (named in the message)
 * @example
 * ```ts
 * const store = createRedisBreakerStore({ redis: "redis://127.0.0.1:6379", namespace: "trading" });
 * const breaker = circuitBreaker({ name: "kraken", failureThreshold: 5, store });
 * await breaker.execute(() => fetchTicker("BTC-EUR"));
 * await store.close();
 * ```
 */
export const createRedisBreakerStore = (
  options: RedisBreakerStoreOptions = {},
): RedisBreakerStore => {
  const resolved = resolveStoreOptions(options);
  const breakers = new Map<string, Set<SharedBreaker>>();
  const each = (fn: (b: SharedBreaker) => void) => breakers.forEach((set) => set.forEach(fn));
  const waiters = new Set<(ok: boolean) => void>();
  const link = new RedisLink(resolved, {
    up: () => {
      waiters.forEach((w) => w(true));
      each((b) => b.flush());
    },
    down: () => each((b) => b.fallBack()),
    message: (raw) => {
      const parsed = parseSharedState(raw);
      if (parsed.kind === "foreign") warnForeign(resolved, "(events channel)", parsed.version);
      if (parsed.kind !== "state") return;
      breakers.get(parsed.state.name)?.forEach((b) => b.apply(parsed.state, parsed.state.at));
    },
  });
  const poll = setInterval(() => each((b) => b.flush()), resolved.pollIntervalMs);
  poll.unref();
  link.start();
  return {
    instanceId: resolved.instanceId,
    get connected() {
      return link.healthy;
    },
    attach(handle: BreakerStoreHandle) {
      const binding = new SharedBreaker(handle, link, resolved);
      const set = breakers.get(handle.name) ?? new Set<SharedBreaker>();
      breakers.set(handle.name, set.add(binding));
      binding.flush();
      return binding;
    },
    ready: (timeoutMs = 5_000) => waitReady(link, waiters, timeoutMs),
    close() {
      clearInterval(poll);
      link.close();
      each((b) => b.fallBack());
      breakers.clear();
      waiters.forEach((w) => w(false));
      return Promise.resolve();
    },
  };
};

const waitReady = (
  link: RedisLink,
  waiters: Set<(ok: boolean) => void>,
  timeoutMs: number,
): Promise<boolean> => {
  if (link.healthy) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      waiters.delete(done);
      resolve(ok);
    };
    // Not unref'd: a caller awaiting ready() is pending work, and the timer is cleared on resolve.
    const timer = setTimeout(() => done(false), timeoutMs);
    waiters.add(done);
  });
};
