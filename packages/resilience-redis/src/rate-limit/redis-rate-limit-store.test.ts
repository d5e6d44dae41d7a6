import { randomUUID } from "node:crypto";
import { isConfigError } from "@peak/errors";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";
import { scriptCallCount } from "../test-support/script-calls";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RateLimitTakeRequest } from "./store-contract";

let server: RedisServerProcess;
const stores: RedisRateLimitStore[] = [];
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await server.kill();
});

const quiet = { warn: () => undefined, info: () => undefined };
const open = async (prefix = `t-${randomUUID()}`) => {
  const store = createRedisRateLimitStore({ url: server.url, prefix, fleetSize: 2, logger: quiet });
  stores.push(store);
  expect(await store.ready()).toBe(true);
  return store;
};
const request = (weight: number, maxWaitMs = 0, key = "api-key-1"): RateLimitTakeRequest => ({
  key,
  weight,
  limit: 10,
  intervalMs: 60_000,
  burst: 2,
  maxWaitMs,
});

/** Runs `work` and counts the script calls (EVAL or EVALSHA) Redis served meanwhile. */
const scriptCalls = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const admin = new Redis(server.url);
  try {
    await admin.config("RESETSTAT");
    const result = await work();
    return [result, await scriptCallCount(admin)];
  } finally {
    admin.disconnect();
  }
};

describe("createRedisRateLimitStore against a real redis-server", () => {
  it("admits limit + burst weight per window, then says how long until the oldest leaves", async () => {
    const store = await open();
    expect(await store.take(request(7))).toMatchObject({ ok: true, waitMs: 0 });
    expect(await store.take(request(5))).toMatchObject({ ok: true, waitMs: 0 });
    const rejected = await store.take(request(1));
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(rejected.retryAfterMs).toBeGreaterThan(55_000);
    expect(store.mode).toBe("redis");
  });

  it("shares one budget between two stores (two processes' view) and keeps keys apart", async () => {
    const prefix = `t-${randomUUID()}`;
    const [a, b] = [await open(prefix), await open(prefix)];
    expect(await a.take(request(12))).toMatchObject({ ok: true });
    expect(await b.take(request(1))).toMatchObject({ ok: false });
    expect(await b.take(request(12, 0, "api-key-2"))).toMatchObject({ ok: true });
  });

  it("reserves a wait within maxWaitMs and gives the reservation back on refund", async () => {
    const store = await open();
    await store.take({ ...request(12), intervalMs: 400 });
    const waiting = { ...request(12, 5_000), intervalMs: 400 };
    const reserved = await store.take(waiting);
    expect(reserved.ok && reserved.waitMs).toBeGreaterThan(0);
    const next = { ...request(12, 5_000), intervalMs: 400 };
    const behind = await store.take(next);
    expect(behind.ok && reserved.ok && behind.waitMs).toBeGreaterThan(
      reserved.ok ? reserved.waitMs : 0,
    );
    await store.refund(next);
    await store.refund(waiting);
    const again = await store.take({ ...request(12, 5_000), intervalMs: 400 });
    expect(again.ok && reserved.ok && again.waitMs).toBeLessThanOrEqual(
      reserved.ok ? reserved.waitMs : 0,
    );
  });

  it("decides one turn's takes in arrival order, in one script call", async () => {
    const store = await open();
    const [results, calls] = await scriptCalls(() =>
      Promise.all(Array.from({ length: 8 }, () => store.take(request(2)))),
    );
    // limit + burst = 12: the first six callers get the budget, the last two are refused.
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, true, false, false]);
    expect(calls).toBe(1);
  });

  it("splits a turn of more than 64 takes into calls of at most 64, still in arrival order", async () => {
    const store = await open();
    const many = { ...request(1), limit: 100, burst: 0 };
    const [results, calls] = await scriptCalls(() =>
      Promise.all(Array.from({ length: 130 }, () => store.take(many))),
    );
    expect(results.map((r) => r.ok)).toEqual(Array.from({ length: 130 }, (_, i) => i < 100));
    expect(calls).toBe(3);
  });

  it("namespaces keys under the prefix with one Cluster hash tag per key, and lets them expire", async () => {
    const prefix = `t-${randomUUID()}`;
    const store = await open(prefix);
    await store.take(request(1, 0, "binance/{weights}"));
    const admin = new Redis(server.url);
    try {
      const keys = (await admin.keys(`${prefix}:*`)).sort();
      expect(keys).toEqual([`${prefix}:{binance%2F%7Bweights%7D}:log`]);
      for (const key of keys) {
        const ttl = await admin.pttl(key);
        // At least one window after the newest admission, at most two windows and a second.
        expect(ttl).toBeGreaterThan(60_000);
        expect(ttl).toBeLessThanOrEqual(121_000);
      }
    } finally {
      admin.disconnect();
    }
  });

  it("decides through Redis on the very first take, without awaiting ready()", async () => {
    const store = createRedisRateLimitStore({
      url: server.url,
      prefix: `t-${randomUUID()}`,
      logger: quiet,
    });
    stores.push(store);
    const result = await store.take(request(2));
    expect(result).toMatchObject({ ok: true, waitMs: 0 });
    expect(store.mode).toBe("redis");
  });

  it("refuses a weight above limit + burst with a ConfigError", async () => {
    const store = await open();
    await expect(store.take(request(13))).rejects.toSatisfy(isConfigError);
  });

  it("rejects unknown and contradictory options with the option named", () => {
    const attempt = (options: object) => {
      try {
        createRedisRateLimitStore(options as never);
      } catch (error) {
        return error as { message: string; hint?: string };
      }
      return undefined;
    };
    expect(attempt({ fleetSzie: 4 })).toMatchObject({
      message: "createRedisRateLimitStore: unknown option `fleetSzie`",
      hint: "Did you mean `fleetSize`?",
    });
    expect(attempt({ insurance: { hold: true } })?.message).toContain("`insurance.hold`");
    expect(attempt({ url: "redis://a", redis: "redis://b" })?.message).toContain("not both");
    expect(attempt({ url: "http://127.0.0.1:6379" })?.message).toContain(
      "`redis` must be a redis:// URL",
    );
    expect(attempt({ fleetSize: 0 })?.message).toContain("`fleetSize` must be a positive integer");
    expect(attempt({ lease: { size: 0 } })?.message).toContain("`lease.size`");
    expect(attempt({ lease: {} })?.message).toContain("`lease.size`");
    expect(attempt({ lease: { size: 5, ttl: 9 } })?.message).toContain("`lease.ttl`");
  });
});
