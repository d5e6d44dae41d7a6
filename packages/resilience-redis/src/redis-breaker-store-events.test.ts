import { randomUUID } from "node:crypto";
import { circuitBreaker, type CircuitBreaker } from "@peak/resilience";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisBreakerStore, type RedisBreakerStore } from "./redis-breaker-store";
import { eventually } from "./test-support/eventually";
import { subscriberCount } from "./test-support/subscribers";
import { scriptCallCount } from "./test-support/script-calls";
import { useRedisServer } from "./test-support/redis-admin";

// What reaches an attached breaker without a poll tick (the interval is 10 minutes here): states
// published on the events channel, a sync when Redis comes up, a fallback when it goes down.
const { admin, url } = useRedisServer();
const stores: RedisBreakerStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

type Warning = { message: string; context: unknown };

const store = (namespace: string, warnings: Warning[] = []) => {
  const created = createRedisBreakerStore({
    redis: url(),
    namespace,
    pollIntervalMs: 600_000,
    reconnectIntervalMs: 600_000,
    logger: { warn: (message, context) => warnings.push({ message, context }) },
  });
  stores.push(created);
  return created;
};

const breakerOn = (s: RedisBreakerStore, name = "x"): CircuitBreaker =>
  circuitBreaker({ name, failureThreshold: 2, recoveryTimeoutMs: 60_000, store: s });

/** A valid shared "open" state of breaker `name`, open for a minute from Redis time. */
const openState = async (name: string): Promise<string> => {
  const [seconds] = await admin().time();
  const now = Number(seconds) * 1000;
  const state = { v: 1, name, gen: now, state: "open", until: now + 60_000, at: now };
  return JSON.stringify({ ...state, by: "peer", reason: "quorum", prober: "", deadline: 0 });
};

/** A store with breaker "x" attached, after its first sync (state: none) has been answered. */
const synced = async (warnings: Warning[] = []) => {
  const ns = randomUUID();
  const s = store(ns, warnings);
  expect(await s.ready()).toBe(true);
  const calls = await scriptCallCount(admin());
  const breaker = breakerOn(s);
  await expect.poll(() => scriptCallCount(admin()), { timeout: 5_000 }).toBe(calls + 1);
  // The subscriber connects on its own: a message published before its SUBSCRIBE is lost.
  const channel = `${ns}:events`;
  await expect.poll(() => subscriberCount(admin(), channel), { timeout: 5_000 }).toBe(1);
  return { ns, store: s, breaker, channel };
};

describe("createRedisBreakerStore without poll ticks", () => {
  it("holds a breaker open as soon as an open state is published on the events channel", async () => {
    const { breaker, channel } = await synced();
    await admin().publish(channel, await openState("x"));
    await eventually(() => breaker.state === "open", "the published state opens the breaker");
    expect(breaker.stats.nextAttemptAt).toBe(Infinity);
  });

  it("skips messages it cannot use, and warns once about a foreign schema, naming the channel", async () => {
    const warnings: Warning[] = [];
    const { breaker, channel } = await synced(warnings);
    const thrown: unknown[] = [];
    const record = (error: unknown) => thrown.push(error);
    process.on("uncaughtException", record);
    try {
      await admin().publish(channel, await openState("not-attached"));
      await admin().publish(channel, "");
      await admin().publish(channel, JSON.stringify({ v: 99, state: "open" }));
      await admin().publish(channel, "[]");
      await admin().publish(channel, await openState("x"));
      await eventually(() => breaker.state === "open", "the last message still opens the breaker");
    } finally {
      process.off("uncaughtException", record);
    }
    expect(thrown).toEqual([]);
    expect(warnings).toEqual([
      {
        message: "Redis breaker store: ignored shared state of another schema version",
        context: { breaker: "(events channel)", found: 99, expected: 1 },
      },
    ]);
  });

  it("syncs a breaker attached before Redis answered as soon as it comes up", async () => {
    const ns = randomUUID();
    await admin().set(`${ns}:{x}:state`, await openState("x"), "PX", 60_000);
    const s = store(ns);
    const breaker = breakerOn(s);
    expect(s.connected).toBe(false);
    expect(await s.ready()).toBe(true);
    await eventually(() => breaker.state === "open", "the stored state opens the breaker");
    expect(breaker.stats.nextAttemptAt).toBe(Infinity);
  });

  it("hands a held breaker back to local control when Redis drops the connection", async () => {
    const { store: s, breaker, channel } = await synced();
    await admin().publish(channel, await openState("x"));
    await eventually(() => breaker.state === "open", "the published state opens the breaker");
    await admin().call("CLIENT", "KILL", "TYPE", "normal");
    await eventually(() => !s.connected, "the store notices the dropped connection");
    await eventually(
      () => (breaker.stats.nextAttemptAt ?? Infinity) < Infinity,
      "the breaker is local again",
    );
    expect(breaker.state).toBe("open");
  });
});
