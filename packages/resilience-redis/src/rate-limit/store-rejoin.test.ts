import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { scriptCallCount } from "../test-support/script-calls";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RateLimitTakeRequest } from "./store-contract";
import { useRedisServer } from "../test-support/redis-admin";

// An outage in this process (the store's connection killed with CLIENT KILL) and the rejoin:
// the local admissions replayed into Redis, then one window and a reconnect in which both the
// share and Redis must admit. The reconnect timer and Date run on the virtual clock.
const { admin, url } = useRedisServer();
const RECONNECT = 1_000;
const DEADLINE = 250;
const WINDOW = 10_000;
let stores: RedisRateLimitStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

/** limit 12 over 4 processes: a share of 3 per window of 10 s. */
const take = (key: string, maxWaitMs = 0): RateLimitTakeRequest => ({
  key,
  weight: 1,
  limit: 12,
  intervalMs: WINDOW,
  burst: 0,
  maxWaitMs,
});
/** A store and promises of its "Redis unavailable" warning and its "rejoined" line. */
const open = (prefix: string) => {
  let down = (): void => undefined;
  let up = (): void => undefined;
  const warned = new Promise<void>((resolve) => (down = resolve));
  const rejoined = new Promise<void>((resolve) => (up = resolve));
  const store = createRedisRateLimitStore({
    url: url(),
    prefix,
    fleetSize: 4,
    commandTimeoutMs: DEADLINE,
    reconnectIntervalMs: RECONNECT,
    insurance: { holdOff: false },
    logger: { warn: () => down(), info: () => up() },
  });
  stores.push(store);
  return { store, warned, rejoined };
};

describe("the rate-limit store across an outage in this process", () => {
  it("replays the share's admissions into Redis, then admits through both for a window and a reconnect", async () => {
    const prefix = `r-${randomUUID()}`;
    const { store, warned, rejoined } = open(prefix);
    expect(await store.ready()).toBe(true);
    expect(await store.take(take("k"))).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(take("k2"))).toMatchObject({ ok: true, waitMs: 0 });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    await admin().client("KILL", "TYPE", "normal", "SKIPME", "yes");
    await warned;
    expect(store.mode).toBe("insurance");
    expect(store.problem).toEqual({ kind: "outage", message: "connection closed" });
    // The share (3) decides: two more now on "k", then a refusal, then a wait for the oldest.
    expect(await store.take(take("k"))).toEqual({ ok: true, waitMs: 0, at: Date.now() });
    expect(await store.take(take("k"))).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(take("k"))).toMatchObject({ ok: false });
    const waiting = take("k", 2 * WINDOW);
    const reserved = await store.take(waiting);
    expect(reserved.ok && reserved.waitMs).toBeGreaterThan(WINDOW - 1_000);

    await admin().config("RESETSTAT");
    vi.advanceTimersByTime(RECONNECT);
    await rejoined;
    const rejoinedAt = Date.now();
    expect(store.mode).toBe("rejoining");
    expect(store.problem).toBeUndefined();
    // "k": the share is full, so it refuses, whatever Redis would say (4 of 12 counted there).
    expect(await store.take(take("k"))).toMatchObject({ ok: false });
    // "k2": the share admits at once, so Redis decides; the share counts each admission once.
    expect(await store.take(take("k2"))).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(take("k2"))).toMatchObject({ ok: true, waitMs: 0 });
    // One replay ("k2" had no local admission to replay), then the two takes on "k2".
    expect(await scriptCallCount(admin())).toBe(3);
    // Giving back the share's reservation made during the outage touches Redis no more.
    await expect(store.refund(waiting)).resolves.toBeUndefined();

    // Rejoining lasts the longest window + reconnectIntervalMs + commandTimeoutMs.
    const until = rejoinedAt + WINDOW + RECONNECT + DEADLINE;
    vi.setSystemTime(until - 1);
    expect(store.mode).toBe("rejoining");
    vi.setSystemTime(until);
    expect(store.mode).toBe("redis");
  });

  it("the replayed admissions count in Redis for every process", async () => {
    const prefix = `r-${randomUUID()}`;
    const { store, warned, rejoined } = open(prefix);
    expect(await store.ready()).toBe(true);
    expect(await store.take(take("k"))).toMatchObject({ ok: true });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    await admin().client("KILL", "TYPE", "normal", "SKIPME", "yes");
    await warned;
    expect(await store.take(take("k"))).toMatchObject({ ok: true });
    expect(await store.take(take("k"))).toMatchObject({ ok: true });
    vi.advanceTimersByTime(RECONNECT);
    await rejoined;
    // Another process: 1 (before) + 2 (replayed) of 12 are counted, so 9 more fit.
    const other = open(prefix).store;
    expect(await other.ready()).toBe(true);
    expect(await other.take({ ...take("k"), weight: 9 })).toMatchObject({ ok: true });
    expect(await other.take(take("k"))).toMatchObject({ ok: false });
  });
});
