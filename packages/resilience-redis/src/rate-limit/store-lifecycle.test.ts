import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eventually } from "../test-support/eventually";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RedisRateLimitStoreOptions } from "./rate-limit-options";
import { useRedisServer } from "../test-support/redis-admin";

// ready(), close() and when a take waits for (or skips) Redis. The tests whose failure would
// be a hang carry a short timeout of their own.
const { url } = useRedisServer();
let stores: RedisRateLimitStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

const request = { key: "k", weight: 1, limit: 4, intervalMs: 10_000, burst: 0, maxWaitMs: 0 };
const REFUSED = "redis://127.0.0.1:1";
const open = (options: RedisRateLimitStoreOptions) => {
  const store = createRedisRateLimitStore({
    prefix: `c-${randomUUID()}`,
    insurance: { holdOff: false },
    reconnectIntervalMs: 60_000,
    logger: { warn: () => undefined },
    ...options,
  });
  stores.push(store);
  return store;
};

describe("the rate-limit store's lifecycle", () => {
  it("ready() answers true at once while Redis is up; after close() the share decides", async () => {
    const store = open({ url: url(), fleetSize: 2 });
    expect(await store.ready()).toBe(true);
    expect(await store.ready(1)).toBe(true);
    expect(store.mode).toBe("redis");
    await store.close();
    expect(store.mode).toBe("insurance");
    expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(request)).toMatchObject({ ok: false });
  });

  it("close() answers a pending ready() with false at once", { timeout: 5_000 }, async () => {
    const store = open({ url: REFUSED });
    const pending = store.ready(60_000);
    await store.close();
    expect(await pending).toBe(false);
  });

  it(
    "once the first connection failed, a take does not wait for one",
    { timeout: 5_000 },
    async () => {
      const store = open({ url: REFUSED, commandTimeoutMs: 60_000, fleetSize: 2 });
      await eventually(() => store.problem !== undefined, "the connection is refused");
      expect(store.problem?.kind).toBe("outage");
      expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
      expect(store.mode).toBe("insurance");
    },
  );

  it("Redis past its deadline (virtual clock): the share decides and takes are not sent to Redis", async () => {
    // No fleetSize: the share is 0, so every local decision is a refusal (fail closed).
    const store = open({ url: url(), commandTimeoutMs: 100 });
    expect(await store.ready()).toBe(true);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const late = store.take(request);
    // The turn's takes go out on the next tick; the clock then passes their deadline.
    await new Promise((resolve) => process.nextTick(resolve));
    vi.advanceTimersByTime(100);
    expect(await late).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(store.mode).toBe("insurance");
    // Redis would admit this one at once; the store does not ask it while it counts as down.
    expect(await store.take(request)).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(store.mode).toBe("insurance");
  });
});
