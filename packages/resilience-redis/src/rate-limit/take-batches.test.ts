import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";
import { scriptCallCount } from "../test-support/script-calls";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-rate-limit-store";
import type { RateLimitTakeRequest } from "./store-contract";

// How one turn's takes are grouped into script calls: per key and window, at most 64 takes per
// call, each caller getting the answer for its own take.
let server: RedisServerProcess;
let admin: Redis;
const stores: RedisRateLimitStore[] = [];
beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  admin.disconnect();
  await server.kill();
});

const open = async () => {
  const quiet = { warn: () => undefined, info: () => undefined };
  const prefix = `b-${randomUUID()}`;
  const store = createRedisRateLimitStore({ url: server.url, prefix, fleetSize: 1, logger: quiet });
  stores.push(store);
  expect(await store.ready()).toBe(true);
  await store.take(take(1, "warm-up")); // loads the script, so a take costs one call from now on
  return store;
};
const take = (limit: number, key = "k", intervalMs = 60_000, weight = 1): RateLimitTakeRequest => ({
  key,
  weight,
  limit,
  intervalMs,
  burst: 0,
  maxWaitMs: 0,
});
const scriptCalls = () => scriptCallCount(admin);
/** Takes started in one turn, with the number of script calls they cost. */
const oneTurn = async (store: RedisRateLimitStore, requests: RateLimitTakeRequest[]) => {
  const before = await scriptCalls();
  const results = await Promise.all(requests.map((r) => store.take(r)));
  return { results, calls: (await scriptCalls()) - before };
};
const refusedAfter = (results: Awaited<ReturnType<RedisRateLimitStore["take"]>>[]) =>
  results.filter((r) => !r.ok).map((r) => (r.ok ? NaN : r.retryAfterMs));

describe("one turn's takes, grouped into script calls", () => {
  it("answers every caller of a batch, also the refused ones behind the admitted", async () => {
    const { results, calls } = await oneTurn(
      await open(),
      Array.from({ length: 5 }, () => take(2)),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, false]);
    for (const ms of refusedAfter(results)) expect(ms).toBeGreaterThan(59_000);
    expect(calls).toBe(1);
  });

  it("splits a turn into calls of at most 64 takes, and no empty call", async () => {
    const store = await open();
    const exact = await oneTurn(
      store,
      Array.from({ length: 128 }, () => take(1_000)),
    );
    expect(exact.calls).toBe(2);
    const over = await oneTurn(
      store,
      Array.from({ length: 150 }, () => take(1_000)),
    );
    expect(over.calls).toBe(3);
    expect([...exact.results, ...over.results].every((r) => r.ok)).toBe(true);
    // Each take was counted once: 278 so far, so 722 more fit and a 723rd does not.
    expect((await store.take(take(1_000, "k", 60_000, 722))).ok).toBe(true);
    expect((await store.take(take(1_000))).ok).toBe(false);
  });

  it("gives the first takes of a split turn the budget, in arrival order", async () => {
    const { results } = await oneTurn(
      await open(),
      Array.from({ length: 150 }, () => take(100)),
    );
    expect(results.findIndex((r) => !r.ok)).toBe(100);
    expect(results.slice(100).every((r) => !r.ok)).toBe(true);
    for (const ms of refusedAfter(results)) expect(ms).toBeGreaterThan(59_000);
  });

  it("keeps the keys of one turn apart", async () => {
    const requests = ["a", "b", "a", "b", "a", "b"].map((key) => take(1, key));
    const { results, calls } = await oneTurn(await open(), requests);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, false, false]);
    expect(calls).toBe(2);
  });

  it("decides a key's takes under two windows in one turn each under its own window", async () => {
    const store = await open();
    const { results } = await oneTurn(store, [take(1, "k", 60_000), take(1, "k", 20_000)]);
    expect(results[0]?.ok).toBe(true);
    const [retry] = refusedAfter(results);
    // The 20 s window ends 20 s after the first admission, not 60 s.
    expect(retry).toBeGreaterThan(15_000);
    expect(retry).toBeLessThanOrEqual(20_000);
  });
});
