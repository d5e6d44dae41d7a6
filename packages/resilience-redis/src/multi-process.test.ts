import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { BreakerChild, ChildMessage } from "./test-support/children";
import { useRedisFixture } from "./test-support/redis-fixture";

const fixture = useRedisFixture();

let namespace = "";
const spawnThree = async () => {
  namespace = randomUUID();
  const env = { REDIS_URL: fixture.server().url, NAMESPACE: namespace, RECOVERY_MS: "500" };
  const children = [fixture.spawn(env), fixture.spawn(env), fixture.spawn(env)] as const;
  await Promise.all(children.map((c) => c.waitFor((m) => m.type === "ready")));
  return children;
};

const changedTo = (to: string, reason: string) => (m: ChildMessage) =>
  m.type === "change" && m.to === to && m.reason === reason;
const failTwice = async (child: BreakerChild) => {
  await child.call(true);
  return child.call(true);
};

describe("three processes sharing one breaker through Redis", () => {
  it("stays closed for the others when one process fails, opens for all when two do", async () => {
    const [a, b, c] = await spawnThree();
    expect(await failTwice(a)).toMatchObject({ state: "open" });
    const redis = new Redis(fixture.server().url);
    await expect
      .poll(() => redis.hlen(`${namespace}:{exchange}:peers`), { timeout: 5_000 })
      .toBe(1);
    redis.disconnect();
    expect(await b.call(false)).toMatchObject({ ok: true, state: "closed" });
    expect(await c.call(false)).toMatchObject({ ok: true, state: "closed" });
    expect(await failTwice(b)).toMatchObject({ state: "open" });
    await c.waitFor(changedTo("open", "remote"));
    expect(await c.call(false)).toMatchObject({ ok: false, code: "CIRCUIT_OPEN" });
  });

  it("lets exactly one process probe, and every process sees the probe's result", async () => {
    const children = await spawnThree();
    const [a, b, c] = children;
    await failTwice(a);
    await failTwice(b);
    await c.waitFor(changedTo("open", "remote"));
    // Round 1: the probe fails, so every process opens again.
    const prober = await probeOwner(children);
    const others = children.filter((x) => x !== prober);
    expect(await prober.call(true)).toMatchObject({ state: "open" });
    for (const other of others) {
      expect(await other.call(false)).toMatchObject({ ok: false, code: "CIRCUIT_OPEN" });
    }
    // Round 2: the probe succeeds, so every process closes.
    const second = await probeOwner(children);
    expect(await second.call(false)).toMatchObject({ ok: true, state: "closed" });
    for (const child of children.filter((x) => x !== second)) {
      await child.waitFor(changedTo("closed", "remote"));
      expect(await child.call(false)).toMatchObject({ ok: true, state: "closed" });
    }
  });
});

/** Waits until one process holds the probe (half-open) while the others stay open. */
const probeOwner = async (children: readonly BreakerChild[]): Promise<BreakerChild> => {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const states = await Promise.all(children.map((c) => c.status()));
    const halfOpen = states.filter((s) => s.state === "half-open");
    if (halfOpen.length > 0) {
      expect(halfOpen).toHaveLength(1);
      expect(states.filter((s) => s.state === "open")).toHaveLength(children.length - 1);
      return children[states.indexOf(halfOpen[0] as ChildMessage)] as BreakerChild;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no process took the half-open probe within 10 s");
};
