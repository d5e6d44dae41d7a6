import { isConfigError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { CircuitBreakerOptions } from "./breaker-options";
import { createVirtualClock } from "../time/virtual-clock";

// Issue 14, point 1: a slow but healthy dependency must be able to close the breaker.

const deferred = () => {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((res) => (resolve = res));
  return { promise, resolve, fn: () => promise };
};

const openBreaker = async (options: CircuitBreakerOptions = {}) => {
  const clock = createVirtualClock(0);
  const breaker = circuitBreaker({
    failureThreshold: 1,
    recoveryTimeoutMs: 1_000,
    clock,
    ...options,
  });
  await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
  return { clock, breaker };
};

// A probe that takes `ms` on the virtual clock and then succeeds.
const slowProbe = (clock: ReturnType<typeof createVirtualClock>, ms: number) => () =>
  new Promise<string>((resolve) => clock.setTimeout(() => resolve("slow but fine"), ms));

describe("circuitBreaker slow probes", () => {
  it("closes on a probe that succeeds after 1.5 s with a 1 s recovery timeout, every cycle", async () => {
    const { clock, breaker } = await openBreaker();
    const closedAfter: string[] = [];
    for (let cycle = 0; cycle < 5; cycle += 1) {
      await clock.advance(1_000);
      const probe = breaker.execute(slowProbe(clock, 1_500));
      await clock.advance(1_500);
      await expect(probe).resolves.toBe("slow but fine");
      closedAfter.push(breaker.state);
      await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    }
    expect(closedAfter).toEqual(["closed", "closed", "closed", "closed", "closed"]);
  });

  it("admits a fresh probe in place of a hung one after recoveryTimeoutMs, staying half-open", async () => {
    const { clock, breaker } = await openBreaker();
    await clock.advance(1_000);
    const hung = deferred();
    void breaker.execute(hung.fn);
    await clock.advance(999);
    expect((await breaker.tryExecute(() => "second")).ok).toBe(false);
    await clock.advance(1);
    expect(breaker.state).toBe("half-open");
    await expect(breaker.execute(() => "fresh")).resolves.toBe("fresh");
    expect(breaker.state).toBe("closed");
    hung.resolve("late");
  });

  it("lets whichever probe of the round succeeds first close it", async () => {
    const { clock, breaker } = await openBreaker();
    await clock.advance(1_000);
    const hung = deferred();
    const first = breaker.execute(hung.fn);
    await clock.advance(1_000);
    const second = deferred();
    const fresh = breaker.execute(second.fn);
    hung.resolve("old probe");
    await first;
    expect(breaker.state).toBe("closed");
    second.resolve("new probe");
    await fresh;
    expect(breaker.stats.staleOutcomes).toBe(1);
  });

  it("ignores a probe that ran past a finite maxHalfOpenMs and frees its slot without re-opening", async () => {
    const { clock, breaker } = await openBreaker({ maxHalfOpenMs: 5_000 });
    await clock.advance(1_000);
    const hung = deferred();
    const probe = breaker.execute(hung.fn);
    await clock.advance(5_000);
    expect(breaker.state).toBe("half-open");
    expect(breaker.stats.halfOpenInFlight).toBe(1);
    hung.resolve("too late");
    await expect(probe).resolves.toBe("too late");
    expect(breaker.state).toBe("half-open");
    expect(breaker.stats.staleOutcomes).toBe(1);
    await breaker.execute(() => "in time");
    expect(breaker.state).toBe("closed");
  });

  it.each([0, Infinity])("treats maxHalfOpenMs: %s as no limit", async (maxHalfOpenMs) => {
    const { clock, breaker } = await openBreaker({ maxHalfOpenMs });
    await clock.advance(1_000);
    const probe = breaker.execute(slowProbe(clock, 60_000));
    await clock.advance(60_000);
    await probe;
    expect(breaker.state).toBe("closed");
  });

  it("counts slow probe successes toward successThreshold", async () => {
    const { clock, breaker } = await openBreaker({ successThreshold: 2, halfOpenMaxCalls: 2 });
    await clock.advance(1_000);
    const probes = [
      breaker.execute(slowProbe(clock, 3_000)),
      breaker.execute(slowProbe(clock, 3_000)),
    ];
    await clock.advance(3_000);
    await Promise.all(probes);
    expect(breaker.state).toBe("closed");
  });

  it("rejects a negative maxHalfOpenMs with a ConfigError naming it", () => {
    let caught: unknown;
    try {
      circuitBreaker({ maxHalfOpenMs: -1 });
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught) && caught.message).toContain("maxHalfOpenMs");
  });
});
