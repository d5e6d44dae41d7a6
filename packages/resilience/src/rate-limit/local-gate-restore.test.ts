import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { LocalGate } from "./local-gate";
import { RateLimitCounters } from "./rate-limit-counters";
import { rateLimiter } from "./rate-limiter";
import { resolveRateLimiterOptions } from "./rate-limiter-options";

const setup = () => {
  const clock = createVirtualClock(1_000);
  const limiter = rateLimiter({ name: "gate", limit: 3, intervalMs: 100, maxWaitMs: 1_000, clock });
  return { clock, limiter };
};

const snapshot = (keys: Record<string, [number, number][]>) => ({
  version: 1,
  name: "gate",
  limit: 3,
  intervalMs: 100,
  burst: 0,
  keys,
});

describe("restoring a snapshot into a local limiter", () => {
  it("merges the snapshot with what the key already admitted, oldest first", () => {
    const { limiter } = setup();
    expect(limiter.tryAcquire({ key: "a" })).toEqual({ ok: true });
    limiter.restore(snapshot({ a: [[950, 1]] }));
    expect(limiter.toJSON().keys).toEqual({
      a: [
        [950, 1],
        [1_000, 1],
      ],
    });
    expect(limiter.tryAcquire({ key: "a", weight: 2 })).toEqual({ ok: false, retryAfterMs: 50 });
    expect(limiter.tryAcquire({ key: "a" })).toEqual({ ok: true });
  });

  it("counts an admission saved by a clock ahead of this one as made now", async () => {
    const { clock, limiter } = setup();
    limiter.restore(snapshot({ a: [[9_000, 3]] }));
    expect(limiter.toJSON().keys).toEqual({ a: [[1_000, 3]] });
    expect(limiter.tryAcquire({ key: "a" })).toEqual({ ok: false, retryAfterMs: 100 });
    await clock.advance(100);
    expect(limiter.tryAcquire({ key: "a", weight: 3 })).toEqual({ ok: true });
  });

  it("drops saved admissions that already left the window, the edge included", () => {
    const { limiter } = setup();
    limiter.restore(
      snapshot({
        a: [
          [900, 2],
          [901, 1],
        ],
        gone: [[850, 3]],
      }),
    );
    expect(limiter.toJSON().keys).toEqual({ a: [[901, 1]] });
    expect(limiter.stats.keys).toBe(2);
    expect(limiter.tryAcquire({ key: "a", weight: 2 })).toEqual({ ok: true });
    expect(limiter.tryAcquire({ key: "gone", weight: 3 })).toEqual({ ok: true });
  });

  it("keeps no saved admission that already left the window in the log's memory", () => {
    const options = resolveRateLimiterOptions({
      limit: 3,
      intervalMs: 100,
      clock: createVirtualClock(1_000),
    });
    const gate = new LocalGate(options, new RateLimitCounters(options));
    gate.restore(
      snapshot({
        a: [
          [900, 2],
          [901, 1],
        ],
        gone: [[850, 3]],
      }),
    );
    expect(gate.budgets.get("a")?.log.times).toEqual([901]);
    expect(gate.budgets.get("gone")?.log.times).toEqual([]);
  });

  it("refuses to restore a key while calls wait on it, naming the limiter and key", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire({ key: "busy", weight: 3 });
    const waiting = limiter.acquire(1, { key: "busy" });
    let error: unknown;
    try {
      limiter.restore(snapshot({ busy: [[1_000, 1]] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      message: 'Rate limiter "gate" cannot restore key "busy" while calls wait on it',
      context: { limiter: "gate", key: "busy" },
    });
    expect((error as ConfigError).hint).toMatch(/before any call/);
    await clock.advance(100);
    await waiting;
    limiter.restore(snapshot({ busy: [[1_100, 1]] }));
    expect(limiter.toJSON().keys.busy).toEqual([
      [1_100, 1],
      [1_100, 1],
    ]);
  });
});
