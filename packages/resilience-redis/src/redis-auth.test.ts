import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisBreakerStore } from "./redis-breaker-store";
import { eventually } from "./test-support/eventually";
import { startRedisServer, type RedisServerProcess } from "./test-support/redis-server";

// Issue 14, point 6: a refused login is not reported as an outage.
let server: RedisServerProcess;
let admin: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
  await admin.config("SET", "requirepass", "s3cret");
});
afterAll(async () => {
  await admin.config("SET", "requirepass", "").catch(() => undefined);
  admin.disconnect();
  await server.kill();
});

const withPassword = (password: string | undefined): string => {
  const url = new URL(server.url);
  if (password !== undefined) url.password = password;
  return url.href;
};

describe("Redis credentials", () => {
  it.each([
    ["a missing password", undefined],
    ["a wrong password", "wrong"],
  ])("warns about %s with its own message and hint", async (_, password) => {
    const warnings: { message: string; hint: unknown }[] = [];
    const store = createRedisBreakerStore({
      redis: withPassword(password),
      namespace: randomUUID(),
      reconnectIntervalMs: 50,
      logger: { warn: (message, meta) => warnings.push({ message, hint: meta?.hint }) },
    });
    try {
      await eventually(() => warnings.length > 0, "the store reports the refused login");
      expect(warnings[0]?.message).toBe(
        "Redis breaker store: Redis refused the credentials; breakers decide locally",
      );
      expect(String(warnings[0]?.hint)).toContain("password");
      expect(store.connected).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("connects with the right password", async () => {
    const store = createRedisBreakerStore({
      redis: withPassword("s3cret"),
      namespace: randomUUID(),
    });
    try {
      expect(await store.ready()).toBe(true);
    } finally {
      await store.close();
    }
  });
});
