import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TS_NODE_ARGS } from "../test-support/children";
import { eventually } from "../test-support/eventually";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";
import { createRedisRateLimitStore } from "./redis-rate-limit-store";

let server: RedisServerProcess;
let guarded: RedisServerProcess;
beforeAll(async () => {
  [server, guarded] = await Promise.all([
    startRedisServer(),
    startRedisServer(["--requirepass", "s3cret"]),
  ]);
});
afterAll(async () => {
  await Promise.all([server.kill(), guarded.kill()]);
});

const request = { key: "k", weight: 1, limit: 8, intervalMs: 10_000, burst: 0, maxWaitMs: 0 };
const recorder = () => {
  const warnings: { message: string; hint: unknown }[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    logger: {
      warn: (message: string, context?: Record<string, unknown>) =>
        warnings.push({ message, hint: context?.["hint"] }),
      info: (message: string) => infos.push(message),
    },
  };
};

/** A store with a share of 8 / 4 = 2 that gives up on Redis after 100 ms and retries every 50 ms. */
const quickStore = (logger: ReturnType<typeof recorder>["logger"]) =>
  createRedisRateLimitStore({
    url: server.url,
    prefix: randomUUID(),
    fleetSize: 4,
    commandTimeoutMs: 100,
    reconnectIntervalMs: 50,
    insurance: { holdOff: false },
    logger,
  });

describe("the rate-limit store when Redis misbehaves", () => {
  it("a slow Redis (CLIENT PAUSE): no take waits past commandTimeoutMs; the share decides; it rejoins", async () => {
    const log = recorder();
    const store = quickStore(log.logger);
    const admin = new Redis(server.url);
    try {
      expect(await store.ready()).toBe(true);
      await admin.call("CLIENT", "PAUSE", "800", "ALL");
      const started = performance.now();
      const first = await store.take(request);
      expect(performance.now() - started).toBeLessThan(600);
      expect(first.ok).toBe(true);
      expect(store.mode).toBe("insurance");
      // The share is 8 / 4 = 2 (the first call counted against it).
      expect(await store.take(request)).toMatchObject({ ok: true });
      expect(await store.take(request)).toMatchObject({ ok: false });
      await eventually(
        () => store.mode !== "insurance",
        "the store rejoins once Redis answers again",
      );
      expect(log.warnings.map((w) => w.message)).toEqual([
        "Redis rate-limit store: Redis unavailable; admitting from this process's insurance share",
      ]);
      expect(log.infos).toEqual(["Redis rate-limit store rejoined Redis"]);
    } finally {
      admin.disconnect();
      await store.close();
    }
  });

  it("rejoining, refuses with the share's retryAfterMs a call its share would admit only later", async () => {
    const store = quickStore(recorder().logger);
    const admin = new Redis(server.url);
    try {
      expect(await store.ready()).toBe(true);
      await admin.call("CLIENT", "PAUSE", "600", "ALL");
      // Both units of the share spent while Redis is paused.
      expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
      expect(await store.take(request)).toMatchObject({ ok: true, waitMs: 0 });
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

  it("a wrong password is reported as an authentication failure, not an outage", async () => {
    const log = recorder();
    const url = guarded.url.replace("redis://", "redis://:wrong@");
    const store = createRedisRateLimitStore({
      url,
      prefix: randomUUID(),
      fleetSize: 2,
      logger: log.logger,
    });
    try {
      expect(await store.ready(1_000)).toBe(false);
      expect(store.problem?.kind).toBe("auth");
      expect(log.warnings[0]?.message).toContain("authentication failed");
      expect(log.warnings[0]?.hint).toContain("password");
      // Calls still get an answer from this process's share.
      expect(await store.take(request)).toMatchObject({ ok: false });
    } finally {
      await store.close();
    }
    const right = createRedisRateLimitStore({
      url: guarded.url.replace("redis://", "redis://:s3cret@"),
      prefix: randomUUID(),
    });
    try {
      expect(await right.ready()).toBe(true);
      expect(await right.take(request)).toMatchObject({ ok: true, waitMs: 0 });
    } finally {
      await right.close();
    }
  });

  it("an unreachable Redis: calls fail closed without fleetSize, within the share with it", async () => {
    const log = recorder();
    const url = "redis://127.0.0.1:1";
    const closed = createRedisRateLimitStore({
      url,
      prefix: "p",
      logger: log.logger,
      insurance: { holdOff: false },
    });
    const shared = createRedisRateLimitStore({
      url,
      prefix: "p",
      fleetSize: 8,
      logger: log.logger,
      insurance: { holdOff: false },
    });
    try {
      expect(await closed.take(request)).toMatchObject({ ok: false });
      expect(await shared.take(request)).toMatchObject({ ok: true, waitMs: 0 });
      expect(await shared.take(request)).toMatchObject({ ok: false });
      expect(closed.problem?.kind ?? "outage").toBe("outage");
    } finally {
      await Promise.all([closed.close(), shared.close()]);
    }
  });

  it("with holdOff (the default), the first local admission comes one window after Redis failed", async () => {
    const store = createRedisRateLimitStore({
      url: "redis://127.0.0.1:1",
      prefix: "p",
      fleetSize: 2,
      logger: recorder().logger,
    });
    try {
      const first = await store.take({ ...request, intervalMs: 300, maxWaitMs: 1_000 });
      expect(first.ok && first.waitMs).toBeGreaterThan(250);
    } finally {
      await store.close();
    }
  });

  it("keeps no process alive and leaves no unhandled rejection, even with Redis gone and the store open", async () => {
    const script = fileURLToPath(new URL("./__fixtures__/exit-child.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [...TS_NODE_ARGS, script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, REDIS_URL: server.url },
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe("took ok; took ok; exiting");
  }, 30_000);
});
