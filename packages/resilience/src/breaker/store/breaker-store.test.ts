import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import type { CallOutcome } from "../call-outcome";
import type { BreakerStore, BreakerStoreHandle } from "./breaker-store";
import { circuitBreaker } from "../circuit-breaker";
import type { StateChangeEvent } from "../circuit-state";
import { createVirtualClock } from "../../time/virtual-clock";

const fail = () => Promise.reject(new ProviderError("down"));

const setup = () => {
  const clock = createVirtualClock(0);
  const outcomes: CallOutcome[] = [];
  const changes: StateChangeEvent[] = [];
  let handle: BreakerStoreHandle | undefined;
  const store: BreakerStore = {
    attach(h) {
      handle = h;
      return { outcome: (type) => outcomes.push(type), stateChange: (e) => changes.push(e) };
    },
  };
  const breaker = circuitBreaker({
    name: "shared",
    failureThreshold: 2,
    recoveryTimeoutMs: 100,
    clock,
    store,
  });
  if (handle === undefined) throw new Error("store was not attached");
  return { clock, breaker, outcomes, changes, handle };
};

describe("circuitBreaker store plug-in", () => {
  it("hands the store a handle describing the breaker", () => {
    const { handle, clock } = setup();
    expect(handle).toMatchObject({ name: "shared", state: "closed", recoveryTimeoutMs: 100 });
    expect(handle.maxHalfOpenMs).toBe(100);
    expect(handle.now()).toBe(clock.now());
  });

  it("tells the store every failure and state change, but not successes", async () => {
    const { breaker, outcomes, changes } = setup();
    await breaker.execute(() => 1);
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    expect(outcomes).toEqual(["failure", "failure"]);
    expect(changes.map((e) => [e.from, e.to, e.reason])).toEqual([["closed", "open", "failures"]]);
  });

  it("does not forward outcomes of stale calls", async () => {
    const { breaker, outcomes, handle } = setup();
    let finish: (v: number) => void = () => undefined;
    const pending = breaker.execute(() => new Promise<number>((resolve) => (finish = resolve)));
    handle.open(50);
    finish(1);
    await pending;
    expect(outcomes).toEqual([]);
    expect(breaker.stats.staleOutcomes).toBe(1);
  });

  it("opens for the given time and then probes by itself", async () => {
    const { breaker, clock, handle, changes } = setup();
    handle.open(50);
    expect(breaker.state).toBe("open");
    expect(changes.at(-1)?.reason).toBe("remote");
    await clock.advance(50);
    expect(breaker.state).toBe("half-open");
  });

  it("holds open with Infinity until the store half-opens or closes it", async () => {
    const { breaker, clock, handle } = setup();
    handle.open(Infinity);
    await clock.advance(1_000_000);
    expect(breaker.state).toBe("open");
    handle.halfOpen();
    expect(breaker.state).toBe("half-open");
    expect(await breaker.execute(() => "probe")).toBe("probe");
    expect(breaker.state).toBe("closed");
  });

  it("closes and forgets failures when the store closes it", async () => {
    const { breaker, handle } = setup();
    await breaker.execute(fail).catch(() => undefined);
    handle.open(Infinity);
    handle.close();
    expect(breaker.state).toBe("closed");
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe("closed");
  });

  it("ignores remote state while isolated", () => {
    const { breaker, handle } = setup();
    const release = breaker.isolate();
    handle.close();
    expect(breaker.state).toBe("open");
    release();
    expect(breaker.state).toBe("closed");
  });
});
