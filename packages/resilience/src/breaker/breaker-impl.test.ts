import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { OutcomeEvent } from "./circuit-state";
import type { Clock } from "../time/clock";
import { createVirtualClock } from "../time/virtual-clock";

// A clock far from 0, so a duration computed from a wrong start (0, or a sum) shows.
const START = 1_000_000;

const setup = (options: Parameters<typeof circuitBreaker>[0] = {}) => {
  const clock = createVirtualClock(START);
  const breaker = circuitBreaker({ name: "impl", failureThreshold: 3, clock, ...options });
  return { clock, breaker };
};

// A call that settles after `ms` of virtual time, with `value` or (for an Error) that error.
const after = (clock: Clock, ms: number, value: unknown) => () =>
  new Promise((resolve, reject) =>
    clock.setTimeout(() => (value instanceof Error ? reject(value) : resolve(value)), ms),
  );

describe("Breaker call durations on a clock away from 0", () => {
  it("does not count a call faster than slowCallMs as slow", async () => {
    const { clock, breaker } = setup({ slowCallMs: 100 });
    const call = breaker.execute(after(clock, 40, "fast"));
    await clock.advance(40);
    await expect(call).resolves.toBe("fast");
    expect(breaker.stats).toMatchObject({ successes: 1, failures: 0, slowCalls: 0 });
  });

  it("reports the call's own duration to outcome listeners", async () => {
    const { clock, breaker } = setup();
    const events: OutcomeEvent[] = [];
    breaker.onOutcome((e) => events.push(e));
    await clock.advance(5);
    const call = breaker.execute(after(clock, 30, "ok"));
    await clock.advance(30);
    await call;
    expect(events).toEqual([expect.objectContaining({ type: "success", durationMs: 30 })]);
  });

  it("times slow calls with a listener attached too", async () => {
    const { clock, breaker } = setup({ slowCallMs: 100 });
    const events: OutcomeEvent[] = [];
    breaker.onOutcome((e) => events.push(e));
    const call = breaker.execute(after(clock, 20, "ok"));
    await clock.advance(20);
    await call;
    expect(events).toEqual([
      expect.objectContaining({ type: "success", slow: false, durationMs: 20 }),
    ]);
  });

  it("counts a slow failure as a failure, not as a slow call", async () => {
    const { clock, breaker } = setup({ slowCallMs: 100 });
    const events: OutcomeEvent[] = [];
    breaker.onOutcome((e) => events.push(e));
    const call = expect(breaker.execute(after(clock, 250, new ProviderError("down"))));
    const settled = call.rejects.toThrow("down");
    await clock.advance(250);
    await settled;
    expect(breaker.stats).toMatchObject({ failures: 1, slowCalls: 0, lastFailureAt: START + 250 });
    expect(events).toEqual([
      expect.objectContaining({ type: "failure", slow: false, durationMs: 250 }),
    ]);
  });

  it("counts a fast failure without slowCallMs as no slow call", async () => {
    const { breaker } = setup();
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    expect(breaker.stats).toMatchObject({ failures: 1, slowCalls: 0, lastFailureAt: START });
  });
});

describe("Breaker clock reads", () => {
  it("never reads the clock for a closed breaker's successful calls when nothing is timed", async () => {
    const virtual = createVirtualClock(START);
    let reads = 0;
    const clock: Clock = {
      now: () => {
        reads += 1;
        return virtual.now();
      },
      setTimeout: (callback, ms) => virtual.setTimeout(callback, ms),
    };
    const breaker = circuitBreaker({ name: "quiet", clock });
    await breaker.execute(() => "a");
    await breaker.tryExecute(() => "b");
    expect(breaker.state).toBe("closed");
    expect(reads).toBe(0);
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    expect(reads).toBe(1);
  });
});

describe("Breaker entry points", () => {
  it("tryExecute with an aborted signal returns its reason without calling the function", async () => {
    const { breaker } = setup();
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    controller.abort(reason);
    let calls = 0;
    const result = await breaker.tryExecute(() => (calls += 1), controller.signal);
    expect(result).toEqual({ ok: false, error: reason });
    expect(calls).toBe(0);
    expect(breaker.stats).toMatchObject({ successes: 0, failures: 0, ignored: 0 });
  });

  it("wrap passes the arguments through and returns the result", async () => {
    const { breaker } = setup();
    const add = breaker.wrap((a: number, b: number) => a + b);
    await expect(add(2, 3)).resolves.toBe(5);
    expect(breaker.stats.successes).toBe(1);
  });
});
