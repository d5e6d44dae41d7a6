import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { CircuitBreakerOptions } from "./breaker-options";
import type { StateChangeEvent } from "./circuit-state";
import { createVirtualClock } from "../time/virtual-clock";

// Every transition of the breaker, with its reason and time, read from onStateChange.

const fail = () => Promise.reject(new ProviderError("down"));

const setup = (options: Partial<CircuitBreakerOptions> = {}) => {
  const clock = createVirtualClock(0);
  const breaker = circuitBreaker({
    name: "feed",
    failureThreshold: 1,
    recoveryTimeoutMs: 100,
    clock,
    ...options,
  });
  const changes: StateChangeEvent[] = [];
  breaker.onStateChange((e) => changes.push(e));
  const log = () => changes.map((c) => `${c.at} ${c.from}>${c.to} ${c.reason}`);
  return { clock, breaker, changes, log };
};

describe("breaker transitions", () => {
  it("opens on failures, probes after exactly recoveryTimeoutMs, and re-opens on a failed probe", async () => {
    const { clock, breaker, log } = setup();
    await clock.advance(5);
    await breaker.execute(fail).catch(() => undefined);
    await clock.advance(99);
    expect(breaker.state).toBe("open");
    expect(breaker.stats).toMatchObject({ openedAt: 5, nextAttemptAt: 105 });
    await clock.advance(1);
    expect(breaker.state).toBe("half-open");
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.stats).toMatchObject({ state: "open", openedAt: 105, nextAttemptAt: 205 });
    expect(log()).toEqual([
      "5 closed>open failures",
      "105 open>half-open recovery-timeout",
      "105 half-open>open probe-failed",
    ]);
    expect(breaker.stats.stateChanges).toBe(3);
  });

  it("closes after successThreshold probes with the reason probes-succeeded", async () => {
    const { clock, breaker, log } = setup({ successThreshold: 2 });
    await breaker.execute(fail).catch(() => undefined);
    await clock.advance(100);
    await breaker.execute(() => "one");
    expect(breaker.state).toBe("half-open");
    await breaker.execute(() => "two");
    expect(log().at(-1)).toBe("100 half-open>closed probes-succeeded");
  });

  it("isolates once, releases once, and reports isolated / released", async () => {
    const { clock, breaker, log } = setup();
    const first = breaker.isolate();
    const second = breaker.isolate();
    await clock.advance(7);
    second();
    second();
    expect(breaker.state).toBe("open");
    first();
    expect(log()).toEqual(["0 closed>open isolated", "7 open>closed released"]);
    breaker.isolate()();
    expect(breaker.stats.stateChanges).toBe(4);
  });

  it("reset cancels every isolation; a release after it changes nothing", async () => {
    const { breaker, log } = setup();
    const release = breaker.isolate();
    breaker.reset();
    expect(breaker.state).toBe("closed");
    release();
    expect(log()).toEqual(["0 closed>open isolated", "0 open>closed reset"]);
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe("open");
    release();
    expect(breaker.state).toBe("open");
  });

  it("reset of a closed breaker emits nothing but makes running calls stale", async () => {
    const { breaker, changes } = setup({ failureThreshold: 2 });
    await breaker.execute(fail).catch(() => undefined);
    let failLate: (e: Error) => void = () => {};
    const late = breaker.execute(() => new Promise((_, reject) => (failLate = reject)));
    breaker.reset();
    failLate(new ProviderError("late"));
    await late.catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe("closed");
    expect(breaker.stats).toMatchObject({ staleOutcomes: 1, failures: 3, generation: 1 });
    expect(changes).toEqual([]);
  });

  it("a half-open breaker whose probe slot is free again stays half-open without probes", async () => {
    const { clock, breaker } = setup({ maxHalfOpenMs: 50 });
    await breaker.execute(fail).catch(() => undefined);
    await clock.advance(100);
    let finish: (v: string) => void = () => {};
    const hung = breaker.execute(() => new Promise<string>((r) => (finish = r)));
    expect(breaker.stats.halfOpenInFlight).toBe(1);
    await clock.advance(49);
    expect((await breaker.tryExecute(() => "x")).ok).toBe(false);
    await clock.advance(1);
    expect(breaker.state).toBe("half-open");
    const events: boolean[] = [];
    breaker.onOutcome((e) => events.push(e.stale));
    finish("too late");
    await hung;
    expect(breaker.stats.halfOpenInFlight).toBe(0);
    expect(events).toEqual([true]);
    expect(breaker.state).toBe("half-open");
    await breaker.execute(() => "fresh probe");
    expect(breaker.state).toBe("closed");
  });

  it("a probe finishing just inside maxHalfOpenMs still counts", async () => {
    const { clock, breaker } = setup({ maxHalfOpenMs: 50 });
    await breaker.execute(fail).catch(() => undefined);
    await clock.advance(100);
    const stale: boolean[] = [];
    breaker.onOutcome((e) => stale.push(e.stale));
    const probe = breaker.execute(
      () => new Promise<string>((r) => clock.setTimeout(() => r("in time"), 49)),
    );
    await clock.advance(49);
    await probe;
    expect(stale).toEqual([false]);
    expect(breaker.state).toBe("closed");
  });

  it("a probe whose slot lapsed leaves the slots of later probes alone", async () => {
    const { clock, breaker } = setup({ halfOpenMaxCalls: 2, successThreshold: 3 });
    await breaker.execute(fail).catch(() => undefined);
    await clock.advance(100);
    let finishOld: (v: string) => void = () => {};
    const old = breaker.execute(() => new Promise<string>((r) => (finishOld = r)));
    await clock.advance(100);
    const hold = () => breaker.execute(() => new Promise<string>(() => undefined));
    void hold();
    void hold();
    expect(breaker.stats.halfOpenInFlight).toBe(3);
    finishOld("late but counted");
    await old;
    expect(breaker.stats.halfOpenInFlight).toBe(2);
    expect(breaker.state).toBe("half-open");
    expect((await breaker.tryExecute(() => "x")).ok).toBe(false);
  });
});
