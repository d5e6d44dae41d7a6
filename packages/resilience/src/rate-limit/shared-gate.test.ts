import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";
import type { RateLimitEvent } from "./rate-limiter-api";
import type { RateLimitStore, RateLimitTakeRequest, RateLimitTakeResult } from "./rate-limit-store";

// A store that answers each take with the next scripted result, resolved when `answer` is
// called (so a test can act while the store is still deciding). Its refunds are recorded.
const scriptedStore = (results: RateLimitTakeResult[]) => {
  const refunds: RateLimitTakeRequest[] = [];
  const pending: (() => void)[] = [];
  const store: RateLimitStore = {
    take: () =>
      new Promise((resolve) => {
        const result = results.shift() as RateLimitTakeResult;
        pending.push(() => resolve(result));
      }),
    refund: (request) => {
      refunds.push(request);
      return Promise.resolve();
    },
  };
  const answer = () => (pending.shift() as () => void)();
  return { store, refunds, answer };
};

const setup = (results: RateLimitTakeResult[]) => {
  const clock = createVirtualClock(5_000);
  const shared = scriptedStore(results);
  const limiter = rateLimiter({
    name: "bybit",
    limit: 4,
    intervalMs: 1_000,
    maxWaitMs: 500,
    clock,
    store: shared.store,
  });
  const events: RateLimitEvent[] = [];
  limiter.onEvent((e) => events.push(e));
  return { clock, limiter, events, ...shared };
};

describe("the shared gate", () => {
  it("refuses tryAcquire when the store would make it wait, and gives the reservation back", async () => {
    const { limiter, refunds, answer, events } = setup([{ ok: true, waitMs: 30 }]);
    const attempt = limiter.tryAcquire({ weight: 2, key: "k" });
    answer();
    expect(await attempt).toEqual({ ok: false, retryAfterMs: 30 });
    expect(refunds).toEqual([expect.objectContaining({ key: "bybit:k", weight: 2, maxWaitMs: 0 })]);
    expect(limiter.stats).toMatchObject({ acquired: 0, rejected: 1, rejectedWeight: 2 });
    expect(events).toEqual([{ type: "rejected", key: "k", weight: 2, retryAfterMs: 30 }]);
  });

  it("refunds nothing when the store refuses tryAcquire", async () => {
    const { limiter, refunds, answer } = setup([{ ok: false, retryAfterMs: 400 }]);
    const attempt = limiter.tryAcquire({ weight: 3 });
    answer();
    expect(await attempt).toEqual({ ok: false, retryAfterMs: 400 });
    expect(refunds).toEqual([]);
    expect(limiter.stats).toMatchObject({ rejected: 1, rejectedWeight: 3 });
  });

  it("admits tryAcquire when the store admits it at once, refunding nothing", async () => {
    const { limiter, refunds, answer } = setup([{ ok: true, waitMs: 0 }]);
    const attempt = limiter.tryAcquire();
    answer();
    expect(await attempt).toEqual({ ok: true });
    expect(refunds).toEqual([]);
    expect(limiter.stats).toMatchObject({ acquired: 1, rejected: 0 });
  });

  it("gives back a reservation with a wait when the signal aborted while the store decided", async () => {
    const { limiter, refunds, answer, clock } = setup([{ ok: true, waitMs: 200 }]);
    const controller = new AbortController();
    const waiting = limiter.acquire(1, { signal: controller.signal });
    controller.abort(new Error("stop"));
    answer();
    await expect(waiting).rejects.toThrow("stop");
    expect(refunds).toHaveLength(1);
    expect(limiter.stats).toMatchObject({ acquired: 0, queued: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it("has nothing to give back for an immediate admission when the signal aborted meanwhile", async () => {
    const { limiter, refunds, answer } = setup([{ ok: true, waitMs: 0 }]);
    const controller = new AbortController();
    let ran = false;
    const call = limiter.execute(() => (ran = true), controller.signal);
    controller.abort(new Error("stop"));
    answer();
    await expect(call).rejects.toThrow("stop");
    expect(ran).toBe(false);
    expect(refunds).toEqual([]);
    expect(limiter.stats.acquired).toBe(0);
  });

  it("counts a wait as queued until it ends and reports the time waited", async () => {
    const { limiter, answer, clock, events } = setup([{ ok: true, waitMs: 200 }]);
    const waiting = limiter.acquire(3, { key: "k" });
    answer();
    await clock.advance(199);
    expect(limiter.stats.queued).toBe(1);
    await clock.advance(1);
    await waiting;
    expect(limiter.stats).toMatchObject({ acquired: 1, acquiredWeight: 3, queued: 0 });
    expect(events).toEqual([{ type: "acquired", key: "k", weight: 3, waitMs: 200 }]);
  });

  it("refunds a wait aborted half-way and stops counting it as queued", async () => {
    const { limiter, refunds, answer, clock } = setup([{ ok: true, waitMs: 200 }]);
    const controller = new AbortController();
    const waiting = limiter.acquire(1, { signal: controller.signal });
    answer();
    await clock.advance(50);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(refunds).toHaveLength(1);
    expect(limiter.stats).toMatchObject({ acquired: 0, queued: 0 });
  });

  it("rejects with the store's retryAfterMs and counts it", async () => {
    const { limiter, answer } = setup([{ ok: false, retryAfterMs: 700 }]);
    const call = limiter.execute(() => "never", { key: "k", weight: 2 });
    answer();
    await expect(call).rejects.toMatchObject({ retryAfterMs: 700, key: "k", weight: 2 });
    expect(limiter.stats).toMatchObject({ rejected: 1, rejectedWeight: 2 });
  });
});
