import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eventually } from "../test-support/eventually";
import { scriptCallCount } from "../test-support/script-calls";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RedisRateLimitStoreOptions } from "./rate-limit-options";
import type { RateLimitTakeRequest } from "./store-contract";
import { useRedisServer } from "../test-support/redis-admin";

// Reservations (admissions with a wait) and their refunds, decided by the share (Redis
// unreachable; Date on the virtual clock) and by Redis; and the window's `marginMs`.
const { admin, url } = useRedisServer();
let stores: RedisRateLimitStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

const request = (maxWaitMs = 0, limit = 3): RateLimitTakeRequest => ({
  key: "k",
  weight: 1,
  limit,
  intervalMs: 10_000,
  burst: 0,
  maxWaitMs,
});
const open = (options: RedisRateLimitStoreOptions) => {
  const store = createRedisRateLimitStore({
    prefix: `f-${randomUUID()}`,
    insurance: { holdOff: false },
    reconnectIntervalMs: 60_000,
    logger: { warn: () => undefined },
    ...options,
  });
  stores.push(store);
  return store;
};
/** A store whose Redis refuses connections: its share (the whole budget, fleetSize 1) decides. */
const alone = async (options: RedisRateLimitStoreOptions = {}) => {
  const store = open({ url: "redis://127.0.0.1:1", fleetSize: 1, ...options });
  await eventually(() => store.problem !== undefined, "the connection is refused");
  vi.useFakeTimers({ toFake: ["Date"] });
  return store;
};

describe("reservations and refunds of the rate-limit store", () => {
  it("the share: local time, a reservation only for a wait, and a refund that frees it", async () => {
    const store = await alone();
    const t0 = Date.now();
    const first = request();
    expect(await store.take(first)).toEqual({ ok: true, waitMs: 0, at: t0 });
    // Admitted at once: nothing reserved, so the refund gives nothing back.
    await store.refund(first);
    vi.setSystemTime(t0 + 1_000);
    expect(await store.take(request())).toMatchObject({ ok: true, waitMs: 0 });
    vi.setSystemTime(t0 + 2_000);
    expect(await store.take(request())).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(request())).toEqual({ ok: false, retryAfterMs: 8_000 });
    const waiting = request(20_000);
    expect(await store.take(waiting)).toEqual({ ok: true, waitMs: 8_000, at: t0 + 10_000 });
    expect(await store.take(request(20_000))).toMatchObject({ ok: true, waitMs: 9_000 });
    await store.refund(waiting);
    // Without the refunded reservation the next caller waits no longer than the one before it.
    expect(await store.take(request(20_000))).toMatchObject({ ok: true, waitMs: 9_000 });
  });

  it("a refund of a request never reserved changes nothing", async () => {
    const store = await alone();
    await expect(store.refund(request(5_000))).resolves.toBeUndefined();
    expect(await store.take(request())).toMatchObject({ ok: true, waitMs: 0 });
  });

  it("marginMs widens the share's window", async () => {
    const store = await alone({ marginMs: 5_000 });
    expect(await store.take(request(0, 1))).toMatchObject({ ok: true });
    expect(await store.take(request(0, 1))).toEqual({ ok: false, retryAfterMs: 15_000 });
  });

  it("Redis: a refund of an admission made at once sends nothing", async () => {
    const store = open({ url: url() });
    expect(await store.ready()).toBe(true);
    const once = request();
    expect(await store.take(once)).toMatchObject({ ok: true, waitMs: 0 });
    const before = await scriptCallCount(admin());
    await store.refund(once);
    expect(await scriptCallCount(admin())).toBe(before);
  });

  it("Redis: a reservation counts in the share from when it runs, should Redis go", async () => {
    let down = (): void => undefined;
    const warned = new Promise<void>((resolve) => (down = resolve));
    const store = open({ url: url(), fleetSize: 1, logger: { warn: () => down() } });
    expect(await store.ready()).toBe(true);
    expect(await store.take(request(0, 1))).toMatchObject({ ok: true, waitMs: 0 });
    const reserved = await store.take(request(20_000, 1));
    expect(reserved.ok && reserved.waitMs).toBeGreaterThan(9_000);
    await admin().client("KILL", "TYPE", "normal", "SKIPME", "yes");
    await warned;
    // The share (1) holds the reservation from its start (~10 s) for a window: ~20 s.
    const refused = await store.take(request(0, 1));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(15_000);
  });

  it("Redis with marginMs: a refunded reservation is given back under the same window", async () => {
    const store = open({ url: url(), marginMs: 5_000 });
    expect(await store.ready()).toBe(true);
    expect(await store.take(request(0, 1))).toMatchObject({ ok: true, waitMs: 0 });
    const waiting = request(60_000, 1);
    const reserved = await store.take(waiting);
    // The first admission leaves the 15 s window (10 s + margin) in about 15 s.
    expect(reserved.ok && reserved.waitMs).toBeGreaterThan(10_000);
    await store.refund(waiting);
    const again = await store.take(request(60_000, 1));
    expect(again.ok && reserved.ok && again.waitMs).toBeLessThanOrEqual(
      reserved.ok ? reserved.waitMs : 0,
    );
  });
});
