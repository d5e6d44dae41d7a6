import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { scriptCallCount } from "../test-support/script-calls";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RateLimitTakeRequest } from "./store-contract";
import { useRedisServer } from "../test-support/redis-admin";

// Leases in this process: a take asks Redis for `size` weight at once, later takes spend it
// locally, and the share counts a lease until its hold (30 s here) and a window have passed.
const { admin, url } = useRedisServer();
const WINDOW = 600_000;
const HOLD = 30_000;
let stores: RedisRateLimitStore[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

const take = (weight: number, key = "k"): RateLimitTakeRequest => ({
  key,
  weight,
  limit: 100,
  intervalMs: WINDOW,
  burst: 0,
  maxWaitMs: 0,
});
/** Leases of 4; a share of 100 / 25 = 4 when Redis is gone. */
const open = async (
  prefix = `l-${randomUUID()}`,
  lease: { size: number } | undefined = { size: 4 },
) => {
  let down = (): void => undefined;
  const warned = new Promise<void>((resolve) => (down = resolve));
  const store = createRedisRateLimitStore({
    url: url(),
    prefix,
    fleetSize: 25,
    reconnectIntervalMs: 60_000,
    insurance: { holdOff: false },
    ...(lease === undefined ? {} : { lease: { ...lease, ttlMs: HOLD } }),
    logger: { warn: () => down() },
  });
  stores.push(store);
  expect(await store.ready()).toBe(true);
  return { store, warned };
};
/** Shows that another process, without leases, has exactly `room` weight left under `limit`. */
const expectRoom = async (prefix: string, room: number, limit = 100) => {
  const { store: other } = await open(prefix, undefined);
  expect(await other.take({ ...take(room + 1), limit })).toMatchObject({ ok: false });
  expect(await other.take({ ...take(room), limit })).toMatchObject({ ok: true });
};
/** Runs `work` and counts the script calls Redis served meanwhile. */
const scripts = async (work: () => Promise<unknown>): Promise<number> => {
  const before = await scriptCallCount(admin());
  await work();
  return (await scriptCallCount(admin())) - before;
};

describe("local leases of the rate-limit store", () => {
  it("spends the lease a take asked for without a round trip, until it is used up", async () => {
    const { store } = await open();
    const first = await store.take(take(1));
    expect(first).toEqual({ ok: true, waitMs: 0, at: expect.any(Number) });
    let second: Awaited<ReturnType<RedisRateLimitStore["take"]>> | undefined;
    const calls = await scripts(async () => {
      second = await store.take(take(1));
      expect(await store.take(take(2))).toMatchObject({ ok: true, leased: true });
    });
    expect(second).toEqual({ ok: true, waitMs: 0, at: expect.any(Number), leased: true });
    if (first.ok && second?.ok) expect(second.at).toBeGreaterThanOrEqual(first.at);
    expect(calls).toBe(0);
  });

  it("asks for the next lease once more than half is spent, and spends it when the first runs out", async () => {
    const prefix = `l-${randomUUID()}`;
    const { store } = await open(prefix);
    const before = await scriptCallCount(admin());
    await store.take(take(1)); // a lease of 4: 3 left
    expect(await store.take(take(1))).toMatchObject({ leased: true }); // 2 left: half
    expect(await store.take(take(1))).toMatchObject({ leased: true }); // 1 left: the refill
    await expect.poll(() => scriptCallCount(admin())).toBe(before + 2);
    // The first lease's last one, then 3 of the refill's 4: no round trip.
    const spent = await scripts(async () => {
      for (const weight of [1, 1, 1]) {
        expect(await store.take(take(weight))).toMatchObject({ ok: true, leased: true });
      }
    });
    expect(spent).toBe(0);
    // Above the lease size: decided by Redis, after anything this store sent before it.
    expect(await store.take(take(5))).not.toHaveProperty("leased");
    expect(await scriptCallCount(admin())).toBe(before + 3);
    // Redis counted both leases and the 5: 87 fit for another process, 88 do not.
    await expectRoom(prefix, 87);
  });

  it("a refill that does not fit admits nothing and is asked once; a spent lease then asks Redis", async () => {
    const prefix = `l-${randomUUID()}`;
    const { store } = await open(prefix);
    const small = (weight: number) => ({ ...take(weight), limit: 6 });
    const before = await scriptCallCount(admin());
    await store.take(small(1)); // a lease of 4
    await store.take(small(1));
    const logged = await admin().hgetall(`${prefix}:{k}:log`);
    await store.take(small(1)); // 1 left: a refill of 4 would need 8 of 6
    await expect.poll(() => scriptCallCount(admin())).toBe(before + 2);
    expect(await admin().hgetall(`${prefix}:{k}:log`)).toEqual(logged); // it wrote nothing
    expect(await store.take(small(1))).toMatchObject({ ok: true, leased: true }); // spent
    await new Promise(setImmediate); // a second refill (there must be none) would go out alone
    const exact = await store.take(small(1)); // no lease fits (4 + 4 > 6): Redis admits the 1
    expect(exact).toMatchObject({ ok: true });
    expect(exact).not.toHaveProperty("leased");
    // The lease take, one refill (not one per spend below half) and the exact take.
    expect(await scriptCallCount(admin())).toBe(before + 3);
    // Counted: the lease and the 1 (5 of 6).
    await expectRoom(prefix, 1, 6);
  });

  it("counts the whole lease in Redis, for every process, at its last spend time", async () => {
    const prefix = `l-${randomUUID()}`;
    const { store } = await open(prefix);
    const asked = await store.take(take(1));
    expect(asked.ok).toBe(true);
    // The newest admission Redis logged is the lease's grant time plus its hold.
    const log = Object.entries(await admin().hgetall(`${prefix}:{k}:log`));
    const newest = Math.max(...log.filter(([f]) => /^m\d+$/.test(f)).map(([, v]) => Number(v)));
    expect(asked.ok && newest).toBe(asked.ok && asked.at + HOLD);
    await expectRoom(prefix, 96);
  });

  it("keeps the lease of the take that asked, not of a take of the lease's size in the same turn", async () => {
    const { store } = await open();
    const [asked, full] = await Promise.all([store.take(take(1)), store.take(take(4))]);
    expect(asked).toMatchObject({ ok: true });
    expect(full).toMatchObject({ ok: true });
    expect(full).not.toHaveProperty("leased");
    // 3 of the first take's lease are left.
    expect(await store.take(take(1))).toMatchObject({ ok: true, leased: true });
  });

  it("Redis gone: a live lease is not spent; the share counts it until its hold and a window passed", async () => {
    const { store, warned } = await open();
    expect(await store.take(take(1, "leased"))).toMatchObject({ ok: true });
    // Above the lease size: no lease asked, counted at its own time.
    expect(await store.take(take(5, "plain"))).toMatchObject({ ok: true });
    await admin().client("KILL", "TYPE", "normal", "SKIPME", "yes");
    await warned;
    expect(store.mode).toBe("insurance");
    const leased = await store.take(take(1, "leased"));
    expect(leased).toMatchObject({ ok: false });
    if (!leased.ok) {
      expect(leased.retryAfterMs).toBeGreaterThan(WINDOW + HOLD - 5_000);
      expect(leased.retryAfterMs).toBeLessThanOrEqual(WINDOW + HOLD);
    }
    const plain = await store.take(take(1, "plain"));
    expect(plain).toMatchObject({ ok: false });
    if (!plain.ok) {
      expect(plain.retryAfterMs).toBeGreaterThan(WINDOW - 5_000);
      expect(plain.retryAfterMs).toBeLessThanOrEqual(WINDOW);
    }
  });
});
