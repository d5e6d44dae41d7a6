import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../errors/rate-limited-error";
import { createVirtualClock, type VirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";
import type { RateLimitStore, RateLimitTakeRequest } from "./rate-limit-store";

/** A small in-memory store keeping the contract: a sliding log per key, reservations in the future. */
const memoryStore = (clock: VirtualClock) => {
  const logs = new Map<string, { at: number; weight: number }[]>();
  const requests: RateLimitTakeRequest[] = [];
  const refunds: RateLimitTakeRequest[] = [];
  const store: RateLimitStore = {
    take(r) {
      requests.push(r);
      const now = clock.now();
      const log = (logs.get(r.key) ?? []).filter((e) => e.at + r.intervalMs > now);
      logs.set(r.key, log);
      const live = (t: number) => log.filter((e) => e.at + r.intervalMs > t);
      const used = (t: number) => live(t).reduce((sum, e) => sum + e.weight, 0);
      let t = Math.max(now, log.at(-1)?.at ?? now);
      while (used(t) + r.weight > r.limit + r.burst)
        t = Math.min(...live(t).map((e) => e.at + r.intervalMs));
      if (t - now > r.maxWaitMs) return Promise.resolve({ ok: false, retryAfterMs: t - now });
      log.push({ at: t, weight: r.weight });
      return Promise.resolve({ ok: true, waitMs: t - now });
    },
    refund(r) {
      refunds.push(r);
      const log = logs.get(r.key) ?? [];
      const index = log.map((e) => e.weight).lastIndexOf(r.weight);
      if (index >= 0) log.splice(index, 1);
      return Promise.resolve();
    },
  };
  return { store, requests, refunds };
};

const setup = (maxWaitMs = 0) => {
  const clock = createVirtualClock(0);
  const shared = memoryStore(clock);
  const options = { name: "okx", limit: 2, intervalMs: 100, maxWaitMs, clock, store: shared.store };
  return { clock, ...shared, limiter: rateLimiter(options) };
};

describe("rateLimiter with a store", () => {
  it("asks the store with the namespaced key and the budget's settings", async () => {
    const { limiter, requests } = setup();
    expect(await limiter.execute(() => "ok", { key: "acct-7", weight: 2 })).toBe("ok");
    await limiter.acquire();
    expect(requests).toEqual([
      { key: "okx:acct-7", weight: 2, limit: 2, intervalMs: 100, burst: 0, maxWaitMs: 0 },
      { key: "okx:", weight: 1, limit: 2, intervalMs: 100, burst: 0, maxWaitMs: 0 },
    ]);
    expect(limiter.stats).toMatchObject({ acquired: 2, acquiredWeight: 3, keys: 0 });
  });

  it("rejects with RateLimitedError carrying the store's retryAfterMs", async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(2, { key: "a" });
    await clock.advance(30);
    const error = await limiter.execute(() => "never", { key: "a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 70, key: "a", limiterName: "okx" });
  });

  it("sleeps the store's waitMs on the clock before running the call", async () => {
    const { clock, limiter } = setup(500);
    await limiter.acquire(2);
    let ranAt = -1;
    const call = limiter.execute(() => (ranAt = clock.now()));
    await clock.advance(99);
    expect(ranAt).toBe(-1);
    expect(limiter.stats.queued).toBe(1);
    await clock.advance(1);
    await call;
    expect(ranAt).toBe(100);
  });

  it("refunds an aborted waiter's reservation and rejects with the abort reason", async () => {
    const { clock, limiter, refunds } = setup(500);
    await limiter.acquire(2);
    const controller = new AbortController();
    const waiting = limiter.acquire(2, { signal: controller.signal });
    await clock.flush();
    controller.abort(new Error("shutting down"));
    await expect(waiting).rejects.toThrow("shutting down");
    expect(refunds).toHaveLength(1);
    await clock.advance(100);
    expect(await limiter.tryAcquire({ weight: 2 })).toEqual({ ok: true });
    expect(clock.pendingTimers).toBe(0);
  });

  it("answers tryAcquire with a promise of the same shape", async () => {
    const { limiter } = setup();
    expect(await limiter.tryAcquire({ weight: 2 })).toEqual({ ok: true });
    expect(await limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 100 });
  });

  it("rejects a weight above limit + burst before asking the store", async () => {
    const { limiter, requests } = setup();
    await expect(limiter.tryAcquire({ weight: 3 })).rejects.toThrow(ConfigError);
    await expect(limiter.execute(() => 1, { weight: 3 })).rejects.toThrow(ConfigError);
    expect(requests).toEqual([]);
  });

  it("passes a failing store's error on", async () => {
    const clock = createVirtualClock(0);
    const down = new Error("ECONNREFUSED");
    const store: RateLimitStore = {
      take: () => Promise.reject(down),
      refund: () => Promise.resolve(),
    };
    const limiter = rateLimiter({ limit: 1, intervalMs: 10, clock, store });
    await expect(limiter.execute(() => 1)).rejects.toBe(down);
  });
});
