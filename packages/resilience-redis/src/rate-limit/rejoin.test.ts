import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../test-support/eventually";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";
import { createRedisRateLimitStore } from "./redis-rate-limit-store";

let server: RedisServerProcess;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.kill();
});

const request = { key: "k", weight: 1, limit: 8, intervalMs: 10_000, burst: 0, maxWaitMs: 0 };

describe("the rate-limit store rejoining Redis", () => {
  it("refuses, with the share's retryAfterMs, a call its share would admit only later", async () => {
    const store = createRedisRateLimitStore({
      url: server.url,
      prefix: randomUUID(),
      fleetSize: 4,
      commandTimeoutMs: 100,
      reconnectIntervalMs: 50,
      insurance: { holdOff: false },
      logger: { warn: () => undefined, info: () => undefined },
    });
    const admin = new Redis(server.url);
    try {
      expect(await store.ready()).toBe(true);
      await admin.call("CLIENT", "PAUSE", "600", "ALL");
      // The share is 8 / 4 = 2: both spent while Redis is paused.
      expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
      expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
      expect(store.mode).toBe("insurance");
      await eventually(() => store.mode === "rejoining", "the store rejoins once Redis answers");
      // Redis alone has room (2 of 8 replayed), the share is full for the rest of the window.
      // Admitting with a wait would let Redis count the call now while it runs ~10 s later.
      const waiting = await store.take({ ...request, maxWaitMs: 60_000 });
      expect(waiting.ok).toBe(false);
      if (waiting.ok) return;
      expect(waiting.retryAfterMs).toBeGreaterThan(5_000);
      expect(waiting.retryAfterMs).toBeLessThanOrEqual(10_000);
      expect(store.mode).toBe("rejoining");
    } finally {
      admin.disconnect();
      await store.close();
    }
  });
});
