// SharedBreaker's sync with one in-process peer on a real redis-server: what each sync
// reports (failures, trip), how flushes are batched, and the shared state its reply applies.
import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServerProcess } from "./test-support/redis-server";
import {
  createPeer,
  NAME,
  redisNow,
  sharedState,
  type SharedPeer,
} from "./test-support/shared-peer";

let server: RedisServerProcess;
let admin: Redis;
const peers: SharedPeer[] = [];
const fail = () => Promise.reject(new ProviderError("down"));

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.store.close()));
});
afterAll(async () => {
  admin.disconnect();
  await server.kill();
});

/** A connected peer whose first sync (on connecting) is answered; `sent` is then emptied. */
const connected = async (namespace = randomUUID(), breakerOptions = {}) => {
  const peer = createPeer({ redis: server.url, namespace, instanceId: "me" }, breakerOptions);
  peers.push(peer);
  expect(await peer.store.ready()).toBe(true);
  await peer.settle();
  expect(peer.syncs()).toEqual([[0, 0]]);
  peer.sent.splice(0);
  return { peer, key: (suffix: string) => `${namespace}:{${NAME}}:${suffix}` };
};

describe("SharedBreaker sync", () => {
  it("sends one sync for the flushes of one tick", async () => {
    const { peer } = await connected();
    peer.shared.outcome("failure");
    peer.shared.flush();
    peer.shared.flush();
    await peer.settle();
    expect(peer.syncs()).toEqual([[1, 0]]);
  });

  it("sends what came in during a sync right after it, never two at once", async () => {
    const { peer, key } = await connected();
    peer.shared.outcome("failure");
    peer.shared.flush();
    await Promise.resolve();
    expect(peer.sent).toHaveLength(1);
    peer.shared.outcome("failure");
    peer.shared.flush();
    await peer.settle();
    expect(peer.syncs()).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(peer.maxInFlight).toBe(1);
    expect(await admin.hget(key("peers"), "me")).toMatch(/^\d+,2,0$/);
  });

  it("publishes a local trip once; later syncs report failures only", async () => {
    const { peer, key } = await connected();
    await peer.breaker.tryExecute(fail);
    await peer.breaker.tryExecute(fail);
    await peer.settle();
    peer.shared.outcome("failure");
    peer.shared.flush();
    await peer.settle();
    expect(peer.syncs()).toEqual([
      [2, 1],
      [1, 0],
    ]);
    const [start, count, trip] = ((await admin.hget(key("peers"), "me")) ?? "").split(",");
    expect([count, Number(trip) >= Number(start)]).toEqual(["3", true]);
  });

  it("does not count ignored outcomes as failures", async () => {
    const isFailure = (error: unknown) => error instanceof ProviderError;
    const { peer, key } = await connected(randomUUID(), { isFailure });
    await peer.breaker.tryExecute(() => Promise.reject(new Error("not ours")));
    peer.shared.flush();
    await peer.settle();
    expect(await admin.hexists(key("peers"), "me")).toBe(0);
    await peer.breaker.tryExecute(fail);
    peer.shared.flush();
    await peer.settle();
    expect(peer.syncs()).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it("publishes only trips by failures: not isolation, release or a local probe round", async () => {
    const { peer } = await connected();
    peer.breaker.isolate()();
    await peer.breaker.tryExecute(fail);
    await peer.breaker.tryExecute(fail);
    await peer.settle();
    await peer.clock.advance(60_000);
    expect(peer.breaker.state).toBe("half-open");
    await peer.breaker.tryExecute(fail);
    await peer.clock.advance(60_000);
    expect(peer.breaker.state).toBe("half-open");
    await peer.breaker.tryExecute(() => "ok");
    expect(peer.breaker.state).toBe("closed");
    await peer.settle();
    expect(peer.sent.map((s) => s.name)).toEqual(["peakBreakerSync"]);
    expect(peer.syncs()).toEqual([[2, 1]]);
  });

  it("drops a trip not yet sent when it falls back", async () => {
    const { peer } = await connected();
    peer.breaker.onStateChange((event) => {
      if (event.to === "open") peer.shared.fallBack();
    });
    await peer.breaker.tryExecute(fail);
    await peer.breaker.tryExecute(fail);
    await peer.settle();
    expect(peer.syncs()).toEqual([[1, 0]]);
  });

  it("applies the shared state a sync reads, and lets go once that state is gone", async () => {
    const namespace = randomUUID();
    const { peer, key } = await connected(namespace);
    const now = await redisNow(admin);
    const state = sharedState(now, { until: now + 60_000, at: now });
    await admin.set(key("state"), JSON.stringify(state), "PX", 60_000);
    peer.shared.flush();
    await peer.settle();
    expect(peer.sent[0]?.reply?.[1]).toBe(JSON.stringify(state));
    expect([peer.breaker.state, peer.breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
    await admin.del(key("state"));
    peer.shared.flush();
    await peer.settle();
    expect(peer.sent[1]?.reply?.[1]).toBe("");
    expect(peer.breaker.state).toBe("open");
    expect(peer.breaker.stats.nextAttemptAt).toBeLessThanOrEqual(peer.clock.now() + 60_000);
    expect(peer.breaker.stats.nextAttemptAt).toBeGreaterThan(peer.clock.now());
  });
});
