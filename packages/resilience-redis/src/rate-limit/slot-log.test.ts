// The slot-counter log in Redis and the per-turn batching, through the store against a real
// redis-server: exact limit under concurrency, in arrival order; never over the cap in any
// window under random weights, waits and refunds; a key whose window changes stays conservative.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";
import { heaviestWindow, type Admission } from "./__fixtures__/windows";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RateLimitTakeRequest } from "./store-contract";

const PREFIX = `slots-${randomUUID()}`;
let server: RedisServerProcess;
let store: RedisRateLimitStore;
beforeAll(async () => {
  server = await startRedisServer();
  store = createRedisRateLimitStore({
    url: server.url,
    prefix: PREFIX,
    commandTimeoutMs: 5_000,
    logger: { warn: () => undefined },
  });
  await store.ready();
});
afterAll(async () => {
  await store.close();
  await server.kill();
});

const request = (key: string, weight: number, extra: Partial<RateLimitTakeRequest> = {}) => ({
  key,
  weight,
  limit: 10,
  intervalMs: 60_000,
  burst: 0,
  maxWaitMs: 0,
  ...extra,
});

describe("the slot-counter log with batched takes", () => {
  it("admits exactly the limit out of many concurrent takes, first come first served", async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, () => store.take(request("concurrent", 1))),
    );
    const admitted = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(admitted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results[10]).toMatchObject({ ok: false });
  });

  it("never holds more than the cap in any window under random weights, waits and refunds", async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const log: Admission[] = [];
    const end = Date.now() + 1_500;
    const loop = async () => {
      while (Date.now() < end) {
        const maxWaitMs = random() < 0.5 ? 0 : Math.floor(random() * 400);
        const req = request("random", 1 + Math.floor(random() * 4), { intervalMs: 300, maxWaitMs });
        const result = await store.take(req);
        if (!result.ok) await new Promise((resolve) => setTimeout(resolve, 5));
        else if (result.waitMs > 0 && random() < 0.3) await store.refund(req);
        else log.push({ t: result.at, w: req.weight });
      }
    };
    await Promise.all(Array.from({ length: 6 }, loop));
    expect(heaviestWindow(log, 300)).toBeLessThanOrEqual(10);
    // Not vacuous: the loops asked for far more than the cap per window.
    expect(log.reduce((sum, a) => sum + a.w, 0)).toBeGreaterThan(30);
  });

  it("with leases in two stores and exact takes in a third, never holds more than the cap in any window", async () => {
    const lease = { size: 3, ttlMs: 15 }; // the 300 ms window has 15 ms slots
    const leased = [1, 2].map(() =>
      createRedisRateLimitStore({
        url: server.url,
        prefix: PREFIX,
        commandTimeoutMs: 5_000,
        logger: { warn: () => undefined },
        lease,
      }),
    );
    await Promise.all(leased.map((s) => s.ready()));
    const log: Admission[] = [];
    const end = Date.now() + 1_500;
    const loop = async (s: RedisRateLimitStore, weight: number) => {
      while (Date.now() < end) {
        const result = await s.take(request("leased", weight, { intervalMs: 300 }));
        if (result.ok) log.push({ t: result.at, w: weight });
        else await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await Promise.all([store, ...leased].flatMap((s, i) => [loop(s, 1), loop(s, 1 + (i % 2))]));
    await Promise.all(leased.map((s) => s.close()));
    expect(heaviestWindow(log, 300)).toBeLessThanOrEqual(10);
    expect(log.length).toBeGreaterThan(30);
  });

  it("counts what a key logged under its old window when the window changes", async () => {
    expect(await store.take(request("resized", 10))).toMatchObject({ ok: true });
    expect(await store.take(request("resized", 1, { intervalMs: 30_000 }))).toMatchObject({
      ok: false,
    });
    const back = await store.take(request("resized", 1));
    expect(back.ok).toBe(false);
  });
});
