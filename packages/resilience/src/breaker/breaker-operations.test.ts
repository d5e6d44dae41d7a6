import { ConfigError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { OutcomeEvent } from "./circuit-state";
import { createVirtualClock } from "../time/virtual-clock";

const fail = () => Promise.reject(new ProviderError("down"));

const setup = (options: Parameters<typeof circuitBreaker>[0] = {}) => {
  const clock = createVirtualClock(0);
  return {
    clock,
    breaker: circuitBreaker({
      name: "ops",
      failureThreshold: 2,
      recoveryTimeoutMs: 100,
      clock,
      ...options,
    }),
  };
};

describe("circuitBreaker operator controls", () => {
  it("holds the breaker open while isolated, past the recovery timeout", async () => {
    const { clock, breaker } = setup();
    const release = breaker.isolate();
    await clock.advance(10_000);
    expect(breaker.state).toBe("open");
    const result = await breaker.tryExecute(() => "x");
    expect(result.ok).toBe(false);
    expect(breaker.stats).toMatchObject({ isolated: true, nextAttemptAt: null });
    release();
    expect(breaker.state).toBe("closed");
  });

  it("stays isolated until every isolation is released", () => {
    const { breaker } = setup();
    const a = breaker.isolate();
    const b = breaker.isolate();
    a();
    a();
    expect(breaker.state).toBe("open");
    b();
    expect(breaker.state).toBe("closed");
  });

  it("reset closes an open breaker and forgets failures", async () => {
    const { breaker } = setup();
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe("open");
    breaker.reset();
    expect(breaker.state).toBe("closed");
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe("closed");
  });

  it("emits an outcome event for every kind of outcome", async () => {
    const { breaker } = setup({ isFailure: [ProviderError], failureThreshold: 1 });
    const events: OutcomeEvent[] = [];
    const off = breaker.onOutcome((e) => events.push(e));
    breaker.onOutcome(() => {
      throw new Error("faulty listener");
    });
    await breaker.execute(() => "ok");
    await breaker.execute(() => Promise.reject(new TypeError("x"))).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(() => "never").catch(() => undefined);
    off();
    await breaker.execute(() => "unseen").catch(() => undefined);
    expect(events.map((e) => e.type)).toEqual(["success", "ignored", "failure", "rejected"]);
  });

  it("counts a failure when isFailure itself throws, so no probe slot is lost", async () => {
    const { breaker, clock } = setup({
      failureThreshold: 1,
      isFailure: () => {
        throw new Error("bad predicate");
      },
    });
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe("open");
    await clock.advance(100);
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.stats).toMatchObject({ state: "open", halfOpenInFlight: 0, failures: 2 });
  });

  it("stops calling a state listener after unsubscribe", async () => {
    const { breaker } = setup({ failureThreshold: 1 });
    const seen: string[] = [];
    const off = breaker.onStateChange((e) => seen.push(e.to));
    off();
    await breaker.execute(fail).catch(() => undefined);
    expect(seen).toEqual([]);
  });
});

describe("circuitBreaker snapshots", () => {
  it("restores an open breaker with its next attempt time", async () => {
    const { breaker, clock } = setup();
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    const saved = JSON.parse(JSON.stringify(breaker.toJSON())) as unknown;
    const restored = circuitBreaker({
      clock,
      recoveryTimeoutMs: 100,
      initialState: saved as never,
    });
    expect(restored.state).toBe("open");
    await clock.advance(100);
    expect(restored.state).toBe("half-open");
  });

  it("saves half-open as open with an expired timer", async () => {
    const { breaker, clock } = setup({ failureThreshold: 1 });
    await breaker.execute(fail).catch(() => undefined);
    await clock.advance(100);
    expect(breaker.state).toBe("half-open");
    const saved = breaker.toJSON();
    expect(saved).toMatchObject({ state: "open", nextAttemptAt: 100 });
    expect(circuitBreaker({ clock, initialState: saved }).state).toBe("half-open");
  });

  it("keeps the rule's memory and isolation", async () => {
    const { breaker, clock } = setup({ failureThreshold: 3 });
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    const restored = circuitBreaker({ clock, failureThreshold: 3, initialState: breaker.toJSON() });
    await restored.execute(fail).catch(() => undefined);
    expect(restored.state).toBe("open");
    breaker.isolate();
    const isolated = circuitBreaker({ clock, initialState: breaker.toJSON() });
    await clock.advance(1_000_000);
    expect(isolated.stats.isolated).toBe(true);
    isolated.reset();
    expect(isolated.state).toBe("closed");
  });

  it("restores count and time windows", async () => {
    const clock = createVirtualClock(0);
    for (const strategy of [
      { kind: "count", windowSize: 4, failureRate: 0.5 },
      { kind: "time", windowMs: 1_000, failureRate: 0.5, minimumCalls: 4 },
    ] as const) {
      const breaker = circuitBreaker({ clock, strategy });
      for (const outcome of [true, true, false]) {
        await breaker.execute(() => (outcome ? "ok" : fail())).catch(() => undefined);
      }
      const restored = circuitBreaker({ clock, strategy, initialState: breaker.toJSON() });
      expect(restored.stats.window).toEqual({ calls: 3, failures: 1 });
    }
  });

  it("rejects a malformed snapshot with a ConfigError", () => {
    expect(() => circuitBreaker({ initialState: { version: 2 } as never })).toThrow(ConfigError);
  });
});
