import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { CircuitBreakerOptions } from "./breaker-options";
import type { BreakerStore, BreakerStoreHandle } from "./store/breaker-store";
import { createVirtualClock } from "../time/virtual-clock";

// Transitions that fall due by time are applied lazily, whenever the breaker is used: these
// tests pin that a late outcome is such a use, and how it is ordered against the outcome event.

const fail = () => Promise.reject(new ProviderError("down"));

const setup = (options: Partial<CircuitBreakerOptions> = {}) => {
  const clock = createVirtualClock(0);
  const breaker = circuitBreaker({
    failureThreshold: 2,
    recoveryTimeoutMs: 100,
    clock,
    ...options,
  });
  const events: string[] = [];
  breaker.onStateChange((e) => events.push(`${e.at} ${e.from}>${e.to} ${e.reason}`));
  return { clock, breaker, events };
};

// A call admitted while closed that settles only when the test says so.
const pendingCall = (breaker: ReturnType<typeof circuitBreaker>) => {
  let finish: (value: string) => void = () => undefined;
  const done = breaker.execute(() => new Promise<string>((resolve) => (finish = resolve)));
  return { done, finish: (value: string) => finish(value) };
};

// A call admitted while closed, two failures that open the breaker, then the first call
// settles 150 ms later, past the 100 ms recovery timeout, with nobody using the breaker between.
const tripThenSettleLate = async ({ clock, breaker }: ReturnType<typeof setup>) => {
  const late = pendingCall(breaker);
  await breaker.execute(fail).catch(() => undefined);
  await breaker.execute(fail).catch(() => undefined);
  await clock.advance(150);
  late.finish("late");
  await late.done;
};

describe("breaker transitions applied by a late outcome", () => {
  it("a late outcome after the recovery timeout moves the breaker to half-open at that moment", async () => {
    const run = setup();
    const { breaker, events } = run;
    await tripThenSettleLate(run);
    // Nobody looked at the breaker between the two: the late outcome applied the transition.
    expect(events).toEqual(["0 closed>open failures", "150 open>half-open recovery-timeout"]);
    expect(breaker.stats.staleOutcomes).toBe(1);
  });

  it("reports a transition that fell due before a late outcome ahead of that outcome", async () => {
    const run = setup();
    const { breaker, events } = run;
    breaker.onOutcome((e) => events.push(`outcome ${e.type} stale=${e.stale}`));
    await tripThenSettleLate(run);
    expect(events.slice(2)).toEqual([
      "0 closed>open failures",
      "150 open>half-open recovery-timeout",
      "outcome success stale=true",
    ]);
  });

  it("a closed breaker's call that runs longer than a finite maxHalfOpenMs is not stale", async () => {
    const { clock, breaker } = setup({ maxHalfOpenMs: 50 });
    const stale: boolean[] = [];
    breaker.onOutcome((e) => stale.push(e.stale));
    const slow = pendingCall(breaker);
    await clock.advance(500);
    slow.finish("slow");
    await expect(slow.done).resolves.toBe("slow");
    expect(stale).toEqual([false]);
    expect(breaker.stats.staleOutcomes).toBe(0);
  });
});

describe("remote transitions and the rule's memory", () => {
  it("keeps the failure count while a store holds the breaker open and forgets it when the store closes it", async () => {
    const clock = createVirtualClock(0);
    let handle: BreakerStoreHandle | undefined;
    const store: BreakerStore = {
      attach: (h) => ((handle = h), { outcome: () => undefined, stateChange: () => undefined }),
    };
    const breaker = circuitBreaker({ failureThreshold: 3, clock, store });
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    handle?.open(Infinity);
    expect(breaker.state).toBe("open");
    expect(breaker.toJSON().rule).toEqual({ kind: "consecutive", data: [2] });
    handle?.halfOpen();
    expect(breaker.toJSON().rule).toEqual({ kind: "consecutive", data: [2] });
    handle?.close();
    expect(breaker.state).toBe("closed");
    expect(breaker.toJSON().rule).toEqual({ kind: "consecutive", data: [0] });
  });
});
