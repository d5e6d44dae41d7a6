// SharedBreaker.apply and fallBack on a detached peer (its store is closed, so nothing reaches
// Redis and every script call is only recorded): which shared state holds, closes or hands
// the probe to the local breaker, and how long a held breaker stays open once on its own.
import { ProviderError } from "@peak/errors";
import { afterEach, describe, expect, it } from "vitest";
import { createPeer, sharedState, START, type SharedPeer } from "./test-support/shared-peer";

const T = 5_000_000; // a Redis time, unrelated to the local virtual clock
const peers: SharedPeer[] = [];
const fail = () => Promise.reject(new ProviderError("down"));

const detached = async (): Promise<SharedPeer> => {
  const peer = createPeer({ redis: "redis://127.0.0.1:1", instanceId: "me" }, {}, true);
  peers.push(peer);
  await peer.settle();
  return peer;
};
const resolves = (peer: SharedPeer) => peer.sent.filter((s) => s.name === "peakBreakerResolve");

afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.store.close()));
});

describe("SharedBreaker.apply", () => {
  it("holds the breaker open until the shared open period ends, in Redis time", async () => {
    const { breaker, shared, clock } = await detached();
    shared.apply(sharedState(1, { until: T + 500 }), T);
    expect([breaker.state, breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
    await clock.advance(100);
    shared.fallBack();
    expect([breaker.state, breaker.stats.nextAttemptAt]).toEqual(["open", START + 500]);
  });

  it("holds a non-prober open until the probe round's deadline", async () => {
    const { breaker, shared } = await detached();
    shared.apply(sharedState(1, { state: "half-open", prober: "other", deadline: T + 300 }), T);
    expect(breaker.state).toBe("open");
    shared.fallBack();
    expect(breaker.stats.nextAttemptAt).toBe(START + 300);
  });

  it("ignores a generation it has already applied, and older ones", async () => {
    const { breaker, shared } = await detached();
    shared.apply(sharedState(5, { until: T + 500 }), T + 400);
    shared.apply(sharedState(5, { until: T + 500 }), T); // the same state, heard later
    shared.apply(sharedState(4, { state: "closed" }), T);
    expect(breaker.state).toBe("open");
    shared.fallBack();
    expect(breaker.stats.nextAttemptAt).toBe(START + 100);
  });

  it("closes a held breaker when the shared state closes; a later fallBack keeps it closed", async () => {
    const { breaker, shared, changes } = await detached();
    shared.apply(sharedState(1, { until: T + 500 }), T);
    shared.apply(sharedState(2, { state: "closed" }), T);
    expect(breaker.state).toBe("closed");
    expect(changes.map((c) => [c.to, c.reason])).toEqual([
      ["open", "remote"],
      ["closed", "remote"],
    ]);
    shared.fallBack();
    expect(breaker.state).toBe("closed");
  });

  it("leaves a local trip open when the shared state closes (a local decision)", async () => {
    const { breaker, shared } = await detached();
    await breaker.tryExecute(fail);
    await breaker.tryExecute(fail);
    shared.apply(sharedState(1, { state: "closed" }), T);
    expect([breaker.state, breaker.stats.nextAttemptAt]).toEqual(["open", START + 60_000]);
  });

  it("does not close again a held breaker the caller reset (its failure count stays)", async () => {
    const { breaker, shared } = await detached();
    shared.apply(sharedState(1, { until: T + 500 }), T);
    breaker.reset();
    await breaker.tryExecute(fail);
    shared.apply(sharedState(2, { state: "closed" }), T);
    await breaker.tryExecute(fail);
    expect(breaker.state).toBe("open");
  });

  it("turns the prober half-open and holds every other instance open", async () => {
    const { breaker, shared, changes } = await detached();
    shared.apply(sharedState(1, { state: "half-open", prober: "other", deadline: T + 1 }), T);
    expect(breaker.state).toBe("open");
    shared.apply(sharedState(2, { prober: "me", until: T + 1 }), T); // only half-open hands it
    expect(breaker.state).toBe("open");
    shared.apply(sharedState(3, { state: "half-open", prober: "me", deadline: T + 1 }), T);
    expect(breaker.state).toBe("half-open");
    expect(changes.map((c) => c.to)).toEqual(["open", "half-open"]);
  });

  it("leaves the prober's probe round alone on fallBack", async () => {
    const { breaker, shared } = await detached();
    shared.apply(sharedState(1, { until: T + 500 }), T);
    shared.apply(sharedState(2, { state: "half-open", prober: "me", deadline: T + 1 }), T);
    shared.fallBack();
    expect(breaker.state).toBe("half-open");
  });

  it("does not reopen, on a second fallBack, a breaker that recovered on its own", async () => {
    const { breaker, shared, clock } = await detached();
    shared.apply(sharedState(1, { until: T + 500 }), T);
    shared.fallBack();
    await clock.advance(500);
    expect(breaker.state).toBe("half-open");
    await breaker.tryExecute(() => "ok");
    expect(breaker.state).toBe("closed");
    shared.fallBack();
    expect(breaker.state).toBe("closed");
  });
});

describe("SharedBreaker probe results", () => {
  it("reports the prober's probe result once, then lets later local rounds alone", async () => {
    const peer = await detached();
    peer.shared.apply(sharedState(7, { state: "half-open", prober: "me", deadline: T + 1 }), T);
    await peer.breaker.tryExecute(fail);
    expect(resolves(peer).map((s) => s.args)).toEqual([["me", 7, "open", 60_000, 600_000]]);
    await peer.clock.advance(60_000);
    await peer.breaker.tryExecute(() => "ok");
    expect(peer.breaker.state).toBe("closed");
    await peer.settle();
    expect(resolves(peer)).toHaveLength(1);
  });

  it("reports nothing for a probe round taken over by a newer shared state", async () => {
    const peer = await detached();
    peer.shared.apply(sharedState(1, { state: "half-open", prober: "me", deadline: T + 1 }), T);
    peer.shared.apply(sharedState(2, { state: "closed" }), T);
    expect(peer.breaker.state).toBe("half-open");
    await peer.breaker.tryExecute(() => "ok");
    expect(peer.breaker.state).toBe("closed");
    await peer.settle();
    expect(resolves(peer)).toEqual([]);
  });

  it("reports nothing when an isolated breaker given the probe is released", async () => {
    const peer = await detached();
    const release = peer.breaker.isolate();
    peer.shared.apply(sharedState(1, { state: "half-open", prober: "me", deadline: T + 1 }), T);
    expect(peer.breaker.state).toBe("open");
    release();
    expect(peer.breaker.state).toBe("closed");
    await peer.settle();
    expect(resolves(peer)).toEqual([]);
  });

  it("reports nothing for a probe round that outlived the connection", async () => {
    const peer = await detached();
    peer.shared.apply(sharedState(1, { state: "half-open", prober: "me", deadline: T + 1 }), T);
    peer.shared.fallBack();
    await peer.breaker.tryExecute(() => "ok");
    expect(peer.breaker.state).toBe("closed");
    await peer.settle();
    expect(resolves(peer)).toEqual([]);
  });
});

describe("SharedBreaker while Redis is unreachable", () => {
  it("hands a held breaker back at its next sync instead of sending it", async () => {
    const peer = await detached();
    const { breaker, shared, sent } = peer;
    shared.apply(sharedState(1, { until: T + 500 }), T);
    shared.outcome("failure");
    shared.flush();
    await peer.settle();
    expect(sent.map((s) => s.name)).toEqual([]);
    expect([breaker.state, breaker.stats.nextAttemptAt]).toEqual(["open", START + 500]);
  });

  it("claims and reports a probe without effect (no answer to read)", async () => {
    const { breaker, shared, sent } = await detached();
    shared.apply(sharedState(1, { until: T + 500 }), T);
    await expect(shared["claim"]()).resolves.toBeUndefined();
    await expect(shared["resolveProbe"](1, "closed")).resolves.toBeUndefined();
    expect(sent.map((s) => s.name)).toEqual(["peakBreakerClaim", "peakBreakerResolve"]);
    expect([breaker.state, breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
  });
});
