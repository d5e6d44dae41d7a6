import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";
import type { RateLimitEvent } from "./rate-limiter-api";

const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => "admitted",
    (error: unknown) => error,
  );

describe("the local gate's rejections", () => {
  it("reuses one error for a slot, counting and reporting every refusal on a clock away from 0", async () => {
    const clock = createVirtualClock(1_000);
    const limiter = rateLimiter({ name: "gate", limit: 2, intervalMs: 100, maxWaitMs: 60, clock });
    const events: RateLimitEvent[] = [];
    limiter.onEvent((e) => events.push(e));
    limiter.tryAcquire();
    limiter.tryAcquire();
    await clock.advance(50);
    const queued = [limiter.acquire(), limiter.acquire()];
    const e = refusal(limiter.execute(() => "e"));
    await clock.advance(50);
    await Promise.all(queued);
    // The two waiters were released: the log changed, so this refusal is decided again.
    const f = refusal(limiter.execute(() => "f"));
    // Nothing changed since: this one repeats the last refusal.
    const g = refusal(limiter.execute(() => "g"));
    // Same slot, another weight: a refusal of its own.
    const h = refusal(limiter.execute(() => "h", { weight: 2 }));
    const [errorE, errorF, errorG, errorH] = await Promise.all([e, f, g, h]);
    expect(errorF).toBe(errorE);
    expect(errorG).toBe(errorE);
    expect(errorH).not.toBe(errorE);
    expect(errorH).toMatchObject({ weight: 2, retryAfterMs: 100 });
    expect(errorE).toMatchObject({ retryAfterMs: 100 });
    expect(events.filter((x) => x.type === "rejected")).toEqual([
      { type: "rejected", key: undefined, weight: 1, retryAfterMs: 150 },
      { type: "rejected", key: undefined, weight: 1, retryAfterMs: 100 },
      { type: "rejected", key: undefined, weight: 1, retryAfterMs: 100 },
      { type: "rejected", key: undefined, weight: 2, retryAfterMs: 100 },
    ]);
    expect(limiter.stats).toMatchObject({ acquired: 4, rejected: 4, rejectedWeight: 5 });
  });
});

describe("the local gate's key table", () => {
  it("sweeps idle keys only when the table reached 1024, then when it doubled", async () => {
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ limit: 3, intervalMs: 100, clock });
    for (let i = 0; i < 1_024; i += 1) limiter.tryAcquire({ key: `a${i}` });
    // 1024 keys, none idle: the sweep finds nothing and waits for 2048.
    limiter.tryAcquire({ key: "b0" });
    expect(limiter.stats.keys).toBe(1_025);
    await clock.advance(100);
    // 1025 idle keys now, but the table has not doubled (and a known key never sweeps).
    limiter.tryAcquire({ key: "b1" });
    limiter.tryAcquire({ key: "a0" });
    expect(limiter.stats.keys).toBe(1_026);
    for (let i = 2; i < 1_024; i += 1) limiter.tryAcquire({ key: `b${i}` });
    expect(limiter.stats.keys).toBe(2_048);
    // 2048 keys: b0 and the a* keys but a0 are idle and go; a0, b1..b1023 and c stay.
    limiter.tryAcquire({ key: "c" });
    expect(limiter.stats.keys).toBe(1_025);
  });
});
