import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

// The sliding log's eviction and compaction, seen through the limiter: what a snapshot keeps,
// and that decisions stay exact after a long log was compacted.

const setup = (limit: number) => {
  const clock = createVirtualClock(0);
  const limiter = rateLimiter({ limit, intervalMs: 100, clock });
  const take = (n: number) => Array.from({ length: n }, () => limiter.tryAcquire().ok);
  return { clock, limiter, take };
};

describe("the sliding log's window", () => {
  it("a snapshot keeps only the admissions still inside the window, the edge excluded", async () => {
    const { clock, limiter, take } = setup(3);
    take(1);
    await clock.advance(50);
    take(2);
    await clock.advance(50);
    // At t = 100 the admission of t = 0 has just left the window [t - 100, t).
    expect(limiter.toJSON().keys).toEqual({
      "": [
        [50, 1],
        [50, 1],
      ],
    });
    await clock.advance(50);
    expect(limiter.toJSON().keys).toEqual({});
  });

  it("an admission leaves the window exactly intervalMs after it was made", async () => {
    const { clock, limiter, take } = setup(1);
    expect(take(1)).toEqual([true]);
    await clock.advance(99);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 1 });
    await clock.advance(1);
    expect(take(1)).toEqual([true]);
  });

  it("keeps deciding exactly after a long log was compacted", async () => {
    const { clock, limiter, take } = setup(300);
    expect(take(300).every(Boolean)).toBe(true);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 100 });
    await clock.advance(100);
    // The first call here evicts all 300 entries, which compacts the log.
    expect(take(300).every(Boolean)).toBe(true);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 100 });
    await clock.advance(60);
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 40 });
    expect(limiter.toJSON().keys[""]).toHaveLength(300);
    await clock.advance(40);
    expect(take(301).filter(Boolean)).toHaveLength(300);
    expect(limiter.stats).toMatchObject({ acquired: 900 });
  });
});
