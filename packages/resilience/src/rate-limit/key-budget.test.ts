import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

const setup = () => {
  const clock = createVirtualClock(0);
  const limiter = rateLimiter({
    name: "budget",
    limit: 3,
    intervalMs: 100,
    maxWaitMs: 1_000,
    clock,
  });
  return { clock, limiter };
};

const aborted = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

describe("a key's budget when waiters give up", () => {
  it("lets tryAcquire in within the tick the only waiter aborts", () => {
    const { limiter } = setup();
    limiter.tryAcquire({ weight: 2 });
    const controller = new AbortController();
    const waiting = aborted(limiter.acquire(2, { signal: controller.signal }));
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 100 });
    controller.abort(new Error("gone"));
    expect(limiter.tryAcquire()).toEqual({ ok: true });
    return waiting;
  });

  it("stops the release timer once the only waiter aborted", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire({ weight: 3 });
    const controller = new AbortController();
    const waiting = aborted(limiter.acquire(1, { signal: controller.signal }));
    expect(clock.pendingTimers).toBe(1);
    controller.abort(new Error("gone"));
    await expect(waiting).resolves.toMatchObject({ message: "gone" });
    await clock.flush();
    expect(clock.pendingTimers).toBe(0);
    expect(limiter.stats.queued).toBe(0);
  });

  it("stops the timer again when a second waiter aborts later", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire({ weight: 3 });
    const first = new AbortController();
    const second = new AbortController();
    const a = aborted(limiter.acquire(1, { signal: first.signal }));
    const b = aborted(limiter.acquire(1, { signal: second.signal }));
    first.abort(new Error("a gone"));
    await a;
    await clock.flush();
    expect(clock.pendingTimers).toBe(1);
    second.abort(new Error("b gone"));
    await b;
    await clock.flush();
    expect(clock.pendingTimers).toBe(0);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 100 });
    await clock.advance(100);
    expect(limiter.tryAcquire({ weight: 3 })).toEqual({ ok: true });
  });
});

describe("a key's bookings are never earlier than now", () => {
  it("re-books a waiter freed by a cancel at now, so the next prediction counts it from now", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire({ weight: 2 });
    const ahead = new AbortController();
    const w = aborted(limiter.acquire(2, { signal: ahead.signal }));
    const a = limiter.acquire(1);
    await clock.advance(30);
    ahead.abort(new Error("gone"));
    // Same tick: the gate re-books `a` at 30 (it fits now), so weight 3 waits for 100 + 30.
    expect(limiter.tryAcquire({ weight: 3 })).toEqual({ ok: false, retryAfterMs: 100 });
    await w;
    await clock.advance(0);
    await a;
    expect(limiter.stats).toMatchObject({ acquired: 2, queued: 0 });
  });

  it("predicts from a waiter's arrival, not from a slot whose release timer is late", async () => {
    const virtual = createVirtualClock(0);
    // Every timer fires 50 ms late, as on a busy event loop.
    const clock = {
      now: () => virtual.now(),
      setTimeout: (f: () => void, ms: number) => virtual.setTimeout(f, ms + 50),
    };
    const limiter = rateLimiter({ limit: 3, intervalMs: 100, maxWaitMs: 1_000, clock });
    const admitted: string[] = [];
    limiter.tryAcquire({ weight: 2 });
    const a = limiter.acquire(2).then(() => admitted.push(`a@${virtual.now()}`));
    await virtual.advance(120);
    // `a` was due at 100 and still waits; `b` fits beside it and books 120, its arrival.
    const b = limiter.acquire(1).then(() => admitted.push(`b@${virtual.now()}`));
    expect(limiter.tryAcquire({ weight: 3 })).toEqual({ ok: false, retryAfterMs: 100 });
    await virtual.advance(30);
    await Promise.all([a, b]);
    expect(admitted).toEqual(["a@150", "b@150"]);
  });
});
