// The shared probe with two in-process peers (two stores, two instance ids, one Redis): once
// the shared open period ends exactly one peer claims the probe, and its result is stored,
// published and applied by the other. Also a claim that comes too early is retried.
import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { eventually } from "./test-support/eventually";
import { usePeerFixture } from "./test-support/peer-fixture";
import {
  NAME,
  redisNow,
  sharedState,
  storedState,
  type SharedPeer,
} from "./test-support/shared-peer";

const RECOVERY_MS = 200;
const PROBE_MS = 5_000;
const fixture = usePeerFixture();
const admin = () => fixture.admin();
const fail = () => Promise.reject(new ProviderError("down"));

const peer = (namespace: string, instanceId: string) =>
  fixture.peer(namespace, instanceId, { recoveryTimeoutMs: RECOVERY_MS, maxHalfOpenMs: PROBE_MS });
const trip = async (p: SharedPeer) => {
  await p.breaker.tryExecute(fail);
  await p.breaker.tryExecute(fail);
  await p.settle();
};
const claims = (p: SharedPeer) => p.sent.filter((s) => s.name === "peakBreakerClaim");
const claimPending = (p: SharedPeer) => p.shared["claimTimer"].pending;
const appliedGen = (p: SharedPeer) => p.shared["appliedGen"];

/** Two peers tripped into a shared open state; resolves once one of them holds the probe. */
const probeRound = async () => {
  const namespace = randomUUID();
  const [a, b] = [await peer(namespace, "a"), await peer(namespace, "b")];
  await fixture.listeners(namespace, 2);
  await trip(a);
  await trip(b);
  const opened = await storedState(admin(), namespace);
  expect(opened).toMatchObject({ state: "open", by: "b", reason: "quorum", prober: "" });
  expect(opened && opened.until - opened.at).toBe(RECOVERY_MS);
  await eventually(
    () => a.breaker.state === "half-open" || b.breaker.state === "half-open",
    "a probe",
  );
  const [prober, other] = a.breaker.state === "half-open" ? [a, b] : [b, a];
  const claimed = await storedState(admin(), namespace);
  // The other peer hears of the claim through its own (too late) claim's reply or pub/sub.
  await eventually(() => appliedGen(other) === claimed?.gen, "the other peer sees the claim");
  await prober.settle();
  await other.settle();
  return { namespace, opened, claimed, prober, other };
};

describe("the shared probe", () => {
  it("goes to exactly one peer, whose success closes every peer", async () => {
    const { namespace, opened, claimed, prober, other } = await probeRound();
    const id = prober.store.instanceId;
    expect(claimed).toMatchObject({ v: 1, name: NAME, state: "half-open", until: 0, by: id });
    expect(claimed).toMatchObject({ reason: "probe", prober: id });
    expect(claimed && claimed.deadline - claimed.at).toBe(PROBE_MS);
    expect(claimed && opened && claimed.gen > opened.gen).toBe(true);
    expect(JSON.parse(claims(prober).at(-1)?.reply?.[1] ?? "")).toEqual(claimed);
    for (const late of claims(other)) expect(JSON.parse(late.reply?.[1] ?? "")).toEqual(claimed);
    expect([other.breaker.state, other.breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
    expect([claimPending(prober), claimPending(other)]).toEqual([false, true]);

    await prober.breaker.tryExecute(() => "ok");
    await prober.settle();
    const resolve = prober.sent.filter((s) => s.name === "peakBreakerResolve");
    expect(resolve.map((s) => s.args)).toEqual([
      [id, claimed?.gen, "closed", RECOVERY_MS, 600_000],
    ]);
    const closed = await storedState(admin(), namespace);
    expect(closed).toMatchObject({ state: "closed", by: id, reason: "probe-succeeded" });
    expect(closed && claimed && closed.gen > claimed.gen).toBe(true);
    expect(JSON.parse(resolve[0]?.reply?.[1] ?? "")).toEqual(closed);
    expect(await admin().exists(`${namespace}:{${NAME}}:peers`)).toBe(0);
    await eventually(() => other.breaker.state === "closed", "the other peer closes");
    expect(other.changes.at(-1)).toMatchObject({ from: "open", to: "closed", reason: "remote" });
    expect(prober.breaker.state).toBe("closed");
  });

  it("reopens every peer for another recovery period when the probe fails", async () => {
    const { namespace, prober, other } = await probeRound();
    await prober.breaker.tryExecute(fail);
    await prober.settle();
    const reopened = await storedState(admin(), namespace);
    const id = prober.store.instanceId;
    expect(reopened).toMatchObject({ state: "open", by: id, reason: "probe-failed", prober: "" });
    expect(reopened && reopened.until - reopened.at).toBe(RECOVERY_MS);
    expect([prober.breaker.state, prober.breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
    await eventually(() => appliedGen(other) === reopened?.gen, "the other peer sees it");
    expect([other.breaker.state, claimPending(other)]).toEqual(["open", true]);
    await eventually(
      () => prober.breaker.state === "half-open" || other.breaker.state === "half-open",
      "a second probe round",
    );
  });
});

describe("a claim", () => {
  it("that comes before the shared open period ends is retried until it is due", async () => {
    const namespace = randomUUID();
    const p = await peer(namespace, "me");
    const now = await redisNow(admin());
    const state = sharedState(now, { until: now + 500, at: now });
    await fixture.store(namespace, state);
    p.shared.apply(state, state.until); // as if Redis time had already reached the end
    await eventually(() => p.breaker.state === "half-open", "the retried claim wins");
    expect(claims(p).length).toBeGreaterThan(1);
    expect(claims(p)[0]?.reply?.[1]).toBe(JSON.stringify(state));
    expect(await storedState(admin(), namespace)).toMatchObject({
      state: "half-open",
      prober: "me",
    });
  });
});
