import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisBreakerStore, type RedisBreakerStore } from "./redis-breaker-store";
import { freePort } from "./test-support/redis-server";
import { useRedisServer } from "./test-support/redis-admin";

// ready(timeoutMs) and close() of the store, against this file's redis-server or a port nobody
// listens on.
const { url } = useRedisServer();
const stores: RedisBreakerStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const storeAt = (redis: string) => {
  const store = createRedisBreakerStore({
    redis,
    namespace: randomUUID(),
    logger: { warn: () => undefined },
  });
  stores.push(store);
  return store;
};

const unreachable = async () => storeAt(`redis://127.0.0.1:${await freePort()}`);

describe("RedisBreakerStore.ready and close", () => {
  it("answers true at once, even with no time left, when Redis already answered", async () => {
    const store = storeAt(url());
    expect(await store.ready()).toBe(true);
    expect(store.connected).toBe(true);
    expect(await store.ready(0)).toBe(true);
  });

  it("answers false after timeoutMs when Redis does not answer", async () => {
    const store = await unreachable();
    expect(await store.ready(10)).toBe(false);
    expect(store.connected).toBe(false);
  });

  it("close() answers a pending ready() with false at once", async () => {
    const store = await unreachable();
    const pending = store.ready(60_000);
    await store.close();
    expect(await pending).toBe(false);
  });

  it("close() disconnects: connected is false and ready() gives up after timeoutMs", async () => {
    const store = storeAt(url());
    expect(await store.ready()).toBe(true);
    await store.close();
    expect(store.connected).toBe(false);
    expect(await store.ready(10)).toBe(false);
  });
});
