import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { circuitBreaker } from "@peak/resilience";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisBreakerStore } from "./redis-breaker-store";
import { eventually } from "./test-support/eventually";
import { startRedisServer, type RedisServerProcess } from "./test-support/redis-server";

let server: RedisServerProcess;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.kill();
});

describe("a slow Redis", () => {
  it("falls back to local decisions when commands time out, logs once, and rejoins", async () => {
    const warnings: string[] = [];
    const infos: string[] = [];
    const store = createRedisBreakerStore({
      redis: server.url,
      namespace: randomUUID(),
      pollIntervalMs: 50,
      commandTimeoutMs: 100,
      logger: { warn: (m) => warnings.push(m), info: (m) => infos.push(m) },
    });
    const admin = new Redis(server.url);
    try {
      expect(await store.ready()).toBe(true);
      const breaker = circuitBreaker({ name: "slow", failureThreshold: 2, store });
      await admin.call("CLIENT", "PAUSE", "700", "ALL");
      await breaker.tryExecute(() => Promise.reject(new ProviderError("down")));
      await breaker.tryExecute(() => Promise.reject(new ProviderError("down")));
      expect(breaker.state).toBe("open");
      await eventually(() => !store.connected, "the store notices the slow Redis");
      expect(await breaker.tryExecute(() => "local")).toMatchObject({ ok: false });
      await eventually(() => store.connected, "the store rejoins once Redis answers again");
      expect(warnings).toEqual(["Redis breaker store: Redis unavailable; breakers decide locally"]);
      expect(infos).toEqual(["Redis breaker store rejoined Redis"]);
    } finally {
      admin.disconnect();
      await store.close();
    }
  });
});
