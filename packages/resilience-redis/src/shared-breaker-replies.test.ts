// A peer deaf to pub/sub (its subscriber unsubscribed) still learns of its own claim and of
// its probe's result: SharedBreaker applies the state each script answers.
import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { eventually } from "./test-support/eventually";
import { usePeerFixture } from "./test-support/peer-fixture";
import { redisNow, sharedState, storedState } from "./test-support/shared-peer";

const fixture = usePeerFixture();
const admin = () => fixture.admin();

/** A connected peer that hears nothing on the events channel, holding a due shared open. */
const deafPeerHeldOpen = async () => {
  const namespace = randomUUID();
  const peer = await fixture.peer(namespace, "me");
  // The store is ready once its command connection is; its subscriber may subscribe later, and
  // would then undo an earlier unsubscribe. Wait for it first.
  await fixture.listeners(namespace, 1);
  await peer.shared["link"]["subscriber"].unsubscribe();
  await fixture.listeners(namespace, 0);
  const now = await redisNow(admin());
  const state = sharedState(now, { until: now - 1, at: now - 60_001 });
  await fixture.store(namespace, state);
  peer.shared.apply(state, now);
  return { namespace, peer };
};

describe("SharedBreaker script replies", () => {
  it("turn the claimer half-open from the claim's answer", async () => {
    const { namespace, peer } = await deafPeerHeldOpen();
    await eventually(() => peer.breaker.state === "half-open", "the claim is applied");
    expect(await storedState(admin(), namespace)).toMatchObject({
      state: "half-open",
      prober: "me",
    });
  });

  it("hold the prober open again from the failed probe's answer", async () => {
    const { namespace, peer } = await deafPeerHeldOpen();
    await eventually(() => peer.breaker.state === "half-open", "the claim is applied");
    await peer.breaker.tryExecute(() => Promise.reject(new ProviderError("still down")));
    await peer.settle();
    const reopened = await storedState(admin(), namespace);
    expect(reopened).toMatchObject({ state: "open", by: "me", reason: "probe-failed" });
    expect(peer.sent.at(-1)?.reply?.[1]).toBe(JSON.stringify(reopened));
    expect([peer.breaker.state, peer.breaker.stats.nextAttemptAt]).toEqual(["open", Infinity]);
  });
});
