import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../errors/rate-limited-error";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

const setup = (maxWaitMs = 0) => {
  const clock = createVirtualClock(0);
  const limiter = rateLimiter({ name: "okx", limit: 3, intervalMs: 1_000, maxWaitMs, clock });
  return { clock, limiter };
};

const caught = (promise: Promise<unknown>): Promise<RateLimitedError> =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as RateLimitedError,
  );

describe("rateLimiter rejections", () => {
  it("gives each refused call its own promise and one shared, live error per slot", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire({ weight: 3 });
    await clock.advance(200);
    const first = limiter.execute(() => 1);
    const second = limiter.execute(() => 2);
    expect(first).not.toBe(second);
    const [a, b] = await Promise.all([caught(first), caught(second)]);
    expect(a).toBe(b);
    expect(a).toBeInstanceOf(RateLimitedError);
    expect(a).toMatchObject({ code: "RATE_LIMITED", limiterName: "okx", key: undefined });
    expect(a.retryAfterMs).toBe(800);
    expect(a.hint).toBe("Room in 800 ms: retry then, or set maxWaitMs to queue");
    expect(a.context).toEqual({ limiter: "okx", key: null, weight: 1, retryAfterMs: 800 });
    await clock.advance(300);
    const c = await caught(limiter.execute(() => 3));
    expect(c).toBe(a);
    expect(a.retryAfterMs).toBe(500);
    expect(a.hint).toBe("Room in 500 ms: retry then, or set maxWaitMs to queue");
    expect(a.context).toEqual({ limiter: "okx", key: null, weight: 1, retryAfterMs: 500 });
    expect(a.context).toBe(a.context);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["retryAfterMs", "hint", "context"]));
    expect(Object.isFrozen(a.context)).toBe(true);
    expect(a.toJSON()).toMatchObject({ hint: a.hint, context: { retryAfterMs: 500 } });
    await clock.advance(600);
    expect(a.retryAfterMs).toBe(0);
  });

  it("carries the stack of the refused call", async () => {
    const { limiter } = setup();
    limiter.tryAcquire({ weight: 3 });
    const refuseHere = () => limiter.execute(() => 1);
    const error = await caught(refuseHere());
    expect(error.stack).toMatch(/^RateLimitedError: Rate limiter "okx" is out of budget\n\s+at /);
    expect(error.stack).toContain("refuseHere");
  });

  it("decides again once the log changed since the last refusal", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire();
    await clock.advance(100);
    limiter.tryAcquire();
    await clock.advance(100);
    const before = await caught(limiter.execute(() => 1, { weight: 2 }));
    expect(before.retryAfterMs).toBe(800);
    expect(limiter.tryAcquire()).toEqual({ ok: true });
    const after = await caught(limiter.execute(() => 1, { weight: 2 }));
    expect(after).not.toBe(before);
    expect(after.retryAfterMs).toBe(900);
    expect(after.weight).toBe(2);
    const light = await caught(limiter.execute(() => 1));
    expect(light).not.toBe(after);
    expect(light.weight).toBe(1);
  });

  it("queues a call refused earlier once its slot is within maxWaitMs", async () => {
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ limit: 1, intervalMs: 1_000, maxWaitMs: 300, clock });
    limiter.tryAcquire();
    await clock.advance(100);
    const refused = await caught(limiter.execute(() => 1));
    expect(refused.retryAfterMs).toBe(900);
    expect(refused.hint).toBe(
      "Room in 900 ms, beyond maxWaitMs 300: retry later, or raise maxWaitMs to queue",
    );
    await clock.advance(600);
    const waiting = limiter.execute(() => clock.now());
    await clock.advance(300);
    expect(await waiting).toBe(1_000);
  });

  it("queues a call refused earlier once a waiter ahead gives up (same tick)", async () => {
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ limit: 1, intervalMs: 1_000, maxWaitMs: 1_500, clock });
    limiter.tryAcquire();
    const controller = new AbortController();
    const ahead = limiter.acquire(1, { signal: controller.signal });
    const refused = await caught(limiter.execute(() => 1));
    expect(refused.retryAfterMs).toBe(2_000);
    controller.abort();
    const waiting = limiter.execute(() => clock.now());
    await expect(ahead).rejects.toThrow();
    await clock.advance(1_000);
    expect(await waiting).toBe(1_000);
  });

  it("rejects acquire like execute, with a fresh promise per call", async () => {
    const { limiter } = setup();
    await limiter.acquire(3);
    const first = limiter.acquire();
    const second = limiter.acquire();
    expect(first).not.toBe(second);
    expect(await caught(first)).toBe(await caught(second));
    expect(limiter.stats).toMatchObject({ acquired: 1, rejected: 2, rejectedWeight: 2 });
  });

  it("reports a waiter's own wait and forgets its signal once admitted", async () => {
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ limit: 1, intervalMs: 1_000, maxWaitMs: 1_000, clock });
    const events: unknown[] = [];
    limiter.onEvent((event) => events.push(event));
    limiter.tryAcquire();
    await clock.advance(200);
    const controller = new AbortController();
    const waiting = limiter.acquire(1, { signal: controller.signal });
    expect(limiter.stats.queued).toBe(1);
    await clock.advance(800);
    await waiting;
    controller.abort();
    await clock.flush();
    expect(limiter.stats.queued).toBe(0);
    expect(events.at(-1)).toEqual({ type: "acquired", key: undefined, weight: 1, waitMs: 800 });
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 1_000 });
  });
});
