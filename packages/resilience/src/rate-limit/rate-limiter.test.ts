import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../errors/rate-limited-error";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

const setup = (extra: { burst?: number; maxWaitMs?: number } = {}) => {
  const clock = createVirtualClock(0);
  const limiter = rateLimiter({ name: "binance", limit: 3, intervalMs: 1_000, clock, ...extra });
  return { clock, limiter };
};

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("rateLimiter", () => {
  it("admits up to the limit at once and rejects the next call with RateLimitedError", async () => {
    const { clock, limiter } = setup();
    for (let i = 0; i < 3; i += 1) expect(await limiter.execute(() => i)).toBe(i);
    await clock.advance(400);
    const error = await rejection(limiter.execute(() => "never", { key: undefined }));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      retryable: true,
      retryAfterMs: 600,
      limiterName: "binance",
      key: undefined,
      context: { limiter: "binance", weight: 1, retryAfterMs: 600 },
    });
  });

  it("frees budget as the oldest admissions leave the sliding window", async () => {
    const { clock, limiter } = setup();
    expect(limiter.tryAcquire({ weight: 2 })).toEqual({ ok: true });
    await clock.advance(500);
    expect(limiter.tryAcquire()).toEqual({ ok: true });
    await clock.advance(100);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 400 });
    await clock.advance(400);
    expect(limiter.tryAcquire({ weight: 2 })).toEqual({ ok: true });
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 500 });
  });

  it("never admits twice the limit across a window border (unlike a token bucket)", async () => {
    const { clock, limiter } = setup();
    await clock.advance(999);
    expect(limiter.tryAcquire({ weight: 3 })).toEqual({ ok: true });
    await clock.advance(1);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 999 });
    await clock.advance(998);
    expect(limiter.tryAcquire().ok).toBe(false);
    await clock.advance(1);
    expect(limiter.tryAcquire({ weight: 3 })).toEqual({ ok: true });
  });

  it("adds burst to the weight any window may hold", () => {
    const { limiter } = setup({ burst: 2 });
    expect(limiter.tryAcquire({ weight: 5 })).toEqual({ ok: true });
    expect(limiter.tryAcquire().ok).toBe(false);
  });

  it.each([0, -1, Number.NaN, 4, Infinity, "2"])(
    "rejects a weight of %s with a ConfigError",
    async (weight) => {
      const { limiter } = setup();
      expect(() => limiter.tryAcquire({ weight: weight as number })).toThrow(ConfigError);
      await expect(limiter.execute(() => 1, { weight: weight as number })).rejects.toThrow(
        ConfigError,
      );
      await expect(limiter.acquire(weight as number)).rejects.toThrow(/weight/);
    },
  );

  it("names the capacity when a weight can never fit", () => {
    const { limiter } = setup({ burst: 1 });
    expect(() => limiter.tryAcquire({ weight: 5 })).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/capacity 4/) }),
    );
  });

  it.each([
    [{ limit: 0, intervalMs: 1 }, /limit/],
    [{ limit: 1, intervalMs: 0 }, /intervalMs/],
    [{ limit: 1, intervalMs: 1, burst: -1 }, /burst/],
    [{ limit: 1, intervalMs: 1, maxWaitMs: Number.NaN }, /maxWaitMs/],
    [{ limit: 1, intervalMs: 1, limt: 2 }, /Unknown option `limt`/],
    [{ limit: 1, intervalMs: 1, store: {} }, /store/],
  ])("rejects bad options %o with a ConfigError", (options, message) => {
    expect(() => rateLimiter(options as never)).toThrow(ConfigError);
    expect(() => rateLimiter(options as never)).toThrow(message);
  });

  it("keeps an independent budget per key", () => {
    const { limiter } = setup();
    expect(limiter.tryAcquire({ weight: 3, key: "api-key-a" })).toEqual({ ok: true });
    expect(limiter.tryAcquire({ key: "api-key-a" }).ok).toBe(false);
    expect(limiter.tryAcquire({ weight: 3, key: "api-key-b" })).toEqual({ ok: true });
    expect(limiter.tryAcquire({ weight: 3 })).toEqual({ ok: true });
    expect(limiter.stats.keys).toBe(3);
  });

  it("drops idle keys so memory stays bounded", async () => {
    const { clock, limiter } = setup();
    for (let i = 0; i < 1_024; i += 1) limiter.tryAcquire({ key: `k${i}` });
    expect(limiter.stats.keys).toBe(1_024);
    await clock.advance(999);
    limiter.tryAcquire({ key: "fresh-1" });
    expect(limiter.stats.keys).toBe(1_025);
    await clock.advance(1);
    for (let i = 0; i < 1_100; i += 1) limiter.tryAcquire({ key: `n${i}` });
    expect(limiter.stats.keys).toBeLessThan(1_200);
  });

  it("counts admissions and rejections in stats and events", async () => {
    const { clock, limiter } = setup({ maxWaitMs: 1_000 });
    const events: unknown[] = [];
    const stop = limiter.onEvent((event) => events.push(event));
    limiter.tryAcquire({ weight: 3, key: "a" });
    const waiting = limiter.acquire(1, { key: "a" });
    await clock.advance(200);
    expect(limiter.stats).toMatchObject({ queued: 1, acquired: 1 });
    limiter.tryAcquire({ key: "a" });
    await clock.advance(800);
    await waiting;
    stop();
    limiter.tryAcquire({ weight: 3 });
    expect(events).toEqual([
      { type: "acquired", key: "a", weight: 3, waitMs: 0 },
      { type: "rejected", key: "a", weight: 1, retryAfterMs: 800 },
      { type: "acquired", key: "a", weight: 1, waitMs: 1_000 },
    ]);
    expect(limiter.stats).toEqual({
      acquired: 3,
      acquiredWeight: 7,
      rejected: 1,
      rejectedWeight: 1,
      queued: 0,
      keys: 2,
    });
  });
});
