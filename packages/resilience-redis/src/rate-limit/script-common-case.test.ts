// The admission script's common case (a warm key, nothing waiting, no lease, every take fits),
// decided before the general path, against a real redis-server: it stops exactly at the cap,
// stores what the general path would, and hands anything else (a lease, a take that does not
// fit) to the general path whole, in arrival order.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";
import { RATE_LIMIT_SCRIPT } from "./rate-limit-script";

let server: RedisServerProcess;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.kill();
});

const WINDOW_MS = 60_000;
/** One script call deciding `takes` ([weight, lease] each, cap 10, no waiting) on `key`. */
const take = (key: string, takes: [weight: number, lease: number][]) =>
  redis.eval(
    RATE_LIMIT_SCRIPT,
    1,
    key,
    "take",
    20,
    WINDOW_MS,
    0,
    ...takes.flatMap(([weight, lease]) => [weight, 10, 0, lease]),
  ) as Promise<number[]>;

describe("the admission script's common case", () => {
  it("admits sequential takes on a warm key up to exactly the cap, then refuses", async () => {
    const key = `fast-${randomUUID()}`;
    const replies = [];
    for (const weight of [3, 3, 3, 3, 1, 0.5]) replies.push(await take(key, [[weight, 0]]));
    // Admitted at once: reply {now, 1}; refused: {now, 0, then ok 0, retry-after, slot, 0}.
    expect(replies.map((r) => r[1])).toEqual([1, 1, 1, 0, 1, 0]);
    expect(replies[1]).toHaveLength(2);
    expect(replies[3]![2]).toBe(0);
    expect(replies[3]![3]).toBeGreaterThan(0);
    expect(Number(await redis.hget(key, "sum"))).toBe(10);
  });

  it("stores the key's newest admission, total and slot counts as the general path does", async () => {
    const key = `fast-${randomUUID()}`;
    await take(key, [[1, 0]]);
    const [now] = await take(key, [
      [2, 0],
      [0.25, 0],
    ]);
    const fields = await redis.hgetall(key);
    expect(Number(fields["last"])).toBe(now);
    expect(Number(fields["sum"])).toBe(3.25);
    const slots = Object.entries(fields).filter(([name]) => /^\d+$/.test(name));
    expect(slots.reduce((sum, [, w]) => sum + Number(w), 0)).toBe(3.25);
    const newest = Object.entries(fields).filter(([name]) => /^m\d+$/.test(name));
    expect(Math.max(...newest.map(([, at]) => Number(at)))).toBe(now);
    expect(await redis.pttl(key)).toBeGreaterThan(WINDOW_MS);
  });

  it("hands a batch with a take that does not fit to the general path, decided in order", async () => {
    const key = `fast-${randomUUID()}`;
    await take(key, [[8, 0]]);
    const reply = await take(key, [
      [1, 0],
      [5, 0],
      [1, 0],
    ]);
    // The first admitted at once; then per take: ok, ms, slot, granted.
    expect(reply[1]).toBe(1);
    expect([reply[2], reply[5]]).toEqual([0, 0]);
    expect([reply[6], reply[9]]).toEqual([1, 1]);
    expect(Number(await redis.hget(key, "sum"))).toBe(10);
  });

  it("counts the earlier takes of its own batch: a batch over the cap is not admitted whole", async () => {
    const key = `fast-${randomUUID()}`;
    await take(key, [[8, 0]]);
    const reply = await take(key, [
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(reply[1]).toBe(2);
    expect(reply[2]).toBe(0);
    expect(Number(await redis.hget(key, "sum"))).toBe(10);
  });

  it("leaves a key whose expiry is due soon to the general path, which refreshes it", async () => {
    const key = `fast-${randomUUID()}`;
    await take(key, [[1, 0]]);
    await redis.hset(key, "exp", 1);
    await redis.pexpire(key, 5_000);
    const [now] = await take(key, [[1, 0]]);
    expect(Number(await redis.hget(key, "exp"))).toBeGreaterThan(now! + WINDOW_MS);
    expect(await redis.pttl(key)).toBeGreaterThan(WINDOW_MS);
  });

  it("hands a take asking for a lease to the general path, which grants the lease", async () => {
    const key = `fast-${randomUUID()}`;
    await take(key, [[1, 0]]);
    const reply = await take(key, [[1, 4]]);
    expect(reply[1]).toBe(0);
    expect(reply[2]).toBe(1);
    expect(reply[5]).toBe(4);
    expect(Number(await redis.hget(key, "sum"))).toBe(5);
  });
});
