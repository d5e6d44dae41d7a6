// SharedBreaker's sync with one in-process peer on a real redis-server: what each sync
// reports (failures, trip), how flushes are batched, and the shared state its reply applies.
import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { createRedisBreakerStore } from "./redis-breaker-store";
import { usePeerFixture } from "./test-support/peer-fixture";
import { attachPeer, NAME, redisNow, sharedState } from "./test-support/shared-peer";

const fixture = usePeerFixture();
const admin = () => fixture.admin();
const fail = () => Promise.reject(new ProviderError("down"));

/** A connected peer whose first sync (on connecting) is answered; `sent` is then emptied. */
const connected = async (namespace = randomUUID(), breakerOptions = {}) => {
  const peer = await fixture.peer(namespace, "me", breakerOptions);
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
    expect(await admin().hget(key("peers"), "me")).toMatch(/^\d+,2,0$/);
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
    const [start, count, trip] = ((await admin().hget(key("peers"), "me")) ?? "").split(",");
    expect([count, Number(trip) >= Number(start)]).toEqual(["3", true]);
  });

  it("does not count ignored outcomes as failures", async () => {
    const isFailure = (error: unknown) => error instanceof ProviderError;
    const { peer, key } = await connected(randomUUID(), { isFailure });
    await peer.breaker.tryExecute(() => Promise.reject(new Error("not ours")));
    peer.shared.flush();
    await peer.settle();
    expect(await admin().hexists(key("peers"), "me")).toBe(0);
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

  it("sends nothing for a local probe round of a breaker attached once connected", async () => {
    const namespace = randomUUID();
    const store = createRedisBreakerStore({
      redis: fixture.url(),
      namespace,
      pollIntervalMs: 3_600_000,
    });
    expect(await store.ready()).toBe(true);
    const peer = attachPeer(store);
    fixture.track(peer);
    await peer.settle();
    await peer.breaker.tryExecute(fail);
    await peer.breaker.tryExecute(fail);
    await peer.clock.advance(60_000);
    await peer.breaker.tryExecute(fail);
    await peer.clock.advance(60_000);
    await peer.breaker.tryExecute(() => "ok");
    expect(peer.breaker.state).toBe("closed");
    await peer.settle();
    expect(peer.sent.map((s) => s.name)).toEqual(["peakBreakerSync", "peakBreakerSync"]);
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
    const now = await redisNow(admin());
    const state = sharedState(now, { until: now + 60_000, at: now });
    await fixture.store(namespace, state);
    peer.shared.flush();
    await peer.settle();
    expect(peer.sent[0]?.reply?.[1]).toBe(JSON.stringify(state));
    expect([peer.breaker.state, peer.breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
    await admin().del(key("state"));
    peer.shared.flush();
    await peer.settle();
    expect(peer.sent[1]?.reply?.[1]).toBe("");
    expect(peer.breaker.state).toBe("open");
    expect(peer.breaker.stats.nextAttemptAt).toBeLessThanOrEqual(peer.clock.now() + 60_000);
    expect(peer.breaker.stats.nextAttemptAt).toBeGreaterThan(peer.clock.now());
  });
});
