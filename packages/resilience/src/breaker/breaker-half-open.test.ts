import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import { isCircuitOpenError } from "../errors/circuit-open-error";
import type { OutcomeEvent } from "./circuit-state";
import { createVirtualClock } from "../time/virtual-clock";

// A call that settles only when the test says so.
const deferred = () => {
  let resolve!: (value: string) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject, fn: () => promise };
};

const openBreaker = async (options: Parameters<typeof circuitBreaker>[0] = {}) => {
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

describe("circuitBreaker half-open", () => {
  it("admits halfOpenMaxCalls probes out of 100 concurrent callers and rejects the rest at once", async () => {
    const { clock, breaker } = await openBreaker({ halfOpenMaxCalls: 3, successThreshold: 3 });
    await clock.advance(1_000);
    const probe = deferred();
    let started = 0;
    const calls = Array.from({ length: 100 }, () =>
      breaker.tryExecute(() => {
        started += 1;
        return probe.promise;
      }),
    );
    await clock.flush();
    expect(started).toBe(3);
    expect(breaker.stats.rejections).toBe(97);
    probe.resolve("fine");
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && isCircuitOpenError(r.error))).toHaveLength(97);
    expect(breaker.state).toBe("closed");
  });

  it("settles rejected half-open callers before the probe finishes", async () => {
    const { clock, breaker } = await openBreaker();
    await clock.advance(1_000);
    const probe = deferred();
    const first = breaker.execute(probe.fn);
    let settled = false;
    const second = breaker.tryExecute(probe.fn).then((r) => ((settled = true), r));
    await clock.flush();
    expect(settled).toBe(true);
    const result = await second;
    expect(!result.ok && isCircuitOpenError(result.error) && result.error.state).toBe("half-open");
    probe.resolve("x");
    await first;
  });

  it("frees a probe slot when a probe's error is ignored", async () => {
    const { clock, breaker } = await openBreaker({ isFailure: [ProviderError] });
    await clock.advance(1_000);
    await breaker.execute(() => Promise.reject(new TypeError("bug"))).catch(() => undefined);
    expect(breaker.state).toBe("half-open");
    await expect(breaker.execute(() => "ok")).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
  });
});

describe("circuitBreaker late results", () => {
  it("ignores a success of a call admitted before the breaker opened", async () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 1_000, clock });
    const early = deferred();
    const stale = breaker.execute(early.fn);
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    await clock.advance(1_000);
    expect(breaker.state).toBe("half-open");
    early.resolve("stale success");
    await stale;
    expect(breaker.state).toBe("half-open");
    expect(breaker.stats.staleOutcomes).toBe(1);
  });

  it("ignores a failure of an earlier call while a probe runs, then closes on the probe", async () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({ failureThreshold: 2, recoveryTimeoutMs: 1_000, clock });
    const early = deferred();
    const stale = breaker.execute(early.fn).catch(() => undefined);
    for (let i = 0; i < 2; i += 1) {
      await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    }
    await clock.advance(1_000);
    const probe = deferred();
    const probeCall = breaker.execute(probe.fn);
    early.reject(new ProviderError("late failure"));
    await stale;
    expect(breaker.state).toBe("half-open");
    probe.resolve("ok");
    await probeCall;
    expect(breaker.state).toBe("closed");
  });

  it("ignores results of probes from an earlier half-open round", async () => {
    const { clock, breaker } = await openBreaker({ halfOpenMaxCalls: 2 });
    await clock.advance(1_000);
    const slowProbe = deferred();
    const first = breaker.execute(slowProbe.fn);
    await breaker
      .execute(() => Promise.reject(new ProviderError("probe down")))
      .catch(() => undefined);
    expect(breaker.state).toBe("open");
    await clock.advance(1_000);
    expect(breaker.state).toBe("half-open");
    slowProbe.resolve("from round one");
    await first;
    expect(breaker.state).toBe("half-open");
  });

  it("reports stale outcomes to outcome listeners", async () => {
    const { clock, breaker } = await openBreaker();
    const events: OutcomeEvent[] = [];
    breaker.onOutcome((e) => events.push(e));
    await clock.advance(1_000);
    const hung = deferred();
    const probe = breaker.execute(hung.fn);
    breaker.reset();
    hung.resolve("late");
    await probe;
    expect(events).toMatchObject([{ type: "success", stale: true, slow: false }]);
  });
});
