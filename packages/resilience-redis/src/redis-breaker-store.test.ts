import { randomUUID } from "node:crypto";
import { ConfigError, ProviderError } from "@peak/errors";
import { circuitBreaker, type CircuitBreaker } from "@peak/resilience";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedisBreakerStore, type RedisBreakerStore } from "./redis-breaker-store";
import type { RedisBreakerStoreOptions } from "./store-options";
import { eventually } from "./test-support/eventually";
import { startRedisServer, type RedisServerProcess } from "./test-support/redis-server";

let server: RedisServerProcess;
const stores: RedisBreakerStore[] = [];
const quiet = { warn: () => undefined };
const fail = () => Promise.reject(new ProviderError("down"));

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await server.kill();
});

const peer = async (namespace: string, options: RedisBreakerStoreOptions = {}) => {
  const store = createRedisBreakerStore({
    redis: server.url,
    namespace,
    pollIntervalMs: 50,
    logger: quiet,
    ...options,
  });
  stores.push(store);
  expect(await store.ready()).toBe(true);
  return store;
};

const breakerOn = (store: RedisBreakerStore, failureThreshold = 2): CircuitBreaker =>
  circuitBreaker({ name: "x", failureThreshold, recoveryTimeoutMs: 60_000, store });

const trip = async (breaker: CircuitBreaker, times = 2) => {
  for (let i = 0; i < times; i += 1) await breaker.tryExecute(fail);
};

describe("createRedisBreakerStore", () => {
  it("opens every breaker when two processes trip, not when one does", async () => {
    const ns = randomUUID();
    const [a, b, c] = [
      breakerOn(await peer(ns)),
      breakerOn(await peer(ns)),
      breakerOn(await peer(ns)),
    ];
    const redis = new Redis(server.url);
    await trip(a);
    expect(a.state).toBe("open");
    await expect.poll(() => redis.hlen(`${ns}:{x}:peers`), { timeout: 5_000 }).toBe(1);
    expect([b.state, c.state]).toEqual(["closed", "closed"]);
    await trip(b);
    await eventually(() => c.state === "open", "c opens after a quorum of two");
    expect(c.stats.nextAttemptAt).toBe(Infinity);
    redis.disconnect();
  });

  it("opens everywhere when one process alone reaches soloThreshold", async () => {
    const ns = randomUUID();
    const sick = breakerOn(await peer(ns, { soloThreshold: 3 }), 100);
    const healthy = breakerOn(await peer(ns, { soloThreshold: 3 }), 100);
    await trip(sick, 3);
    expect(sick.state).toBe("closed");
    await eventually(() => healthy.state === "open", "the healthy peer opens");
  });

  it("writes namespaced keys that expire", async () => {
    const ns = randomUUID();
    const a = breakerOn(await peer(ns, { keyTtlMs: 30_000 }));
    const b = breakerOn(await peer(ns, { keyTtlMs: 30_000 }));
    await trip(a);
    await trip(b);
    const redis = new Redis(server.url);
    await expect.poll(() => redis.exists(`${ns}:{x}:state`), { timeout: 5_000 }).toBe(1);
    const ttl = await redis.pttl(`${ns}:{x}:state`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(90_000);
    expect(await redis.keys(`${ns}*`)).toEqual([`${ns}:{x}:state`]);
    redis.disconnect();
  });

  it("ignores state written by another schema version, with one warning", async () => {
    const ns = randomUUID();
    const redis = new Redis(server.url);
    await redis.set(`${ns}:{x}:state`, JSON.stringify({ v: 99, state: "open", gen: 1 }));
    const warnings: string[] = [];
    const store = await peer(ns, { logger: { warn: (m) => warnings.push(m) } });
    const breaker = breakerOn(store);
    await eventually(() => warnings.length > 0, "a warning");
    await trip(breaker, 1);
    expect(breaker.state).toBe("closed");
    expect(warnings).toEqual([
      "Redis breaker store: ignored shared state of another schema version",
    ]);
    redis.disconnect();
  });

  it("hands a held breaker back to local control on close", async () => {
    const ns = randomUUID();
    const store = await peer(ns);
    const a = breakerOn(await peer(ns));
    const b = breakerOn(store);
    await trip(a);
    await trip(breakerOn(await peer(ns)));
    await eventually(() => b.state === "open", "b is held open");
    await store.close();
    expect(b.state).toBe("open");
    expect(b.stats.nextAttemptAt).toBeLessThan(Infinity);
  });

  it("rejects bad options with a ConfigError naming the option", () => {
    expect(() => createRedisBreakerStore({ quorum: 0 })).toThrow(ConfigError);
    expect(() => createRedisBreakerStore({ redis: "http://x" })).toThrow(/`redis`/);
    expect(() => createRedisBreakerStore({ namespace: "a b" })).toThrow(/`namespace`/);
  });
});
