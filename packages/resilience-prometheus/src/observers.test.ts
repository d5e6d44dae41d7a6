import { ProviderError } from "@peak/errors";
import { bulkhead, circuitBreaker, hedge, rateLimiter } from "@peak/resilience";
import { createVirtualClock } from "@peak/resilience/testing";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerResilienceMetrics } from "./register-metrics";

const samples = async (registry: Registry): Promise<string[]> =>
  (await registry.metrics()).split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("observers", () => {
  it("exports a breaker's series at zero as soon as it is observed", async () => {
    const registry = new Registry();
    registerResilienceMetrics({ registry }).observeBreaker(circuitBreaker({ name: "k" }));
    expect(await samples(registry)).toEqual([
      'peak_circuit_breaker_state{breaker="k",state="closed"} 1',
      'peak_circuit_breaker_state{breaker="k",state="open"} 0',
      'peak_circuit_breaker_state{breaker="k",state="half-open"} 0',
      'peak_circuit_breaker_calls_total{breaker="k",outcome="success"} 0',
      'peak_circuit_breaker_calls_total{breaker="k",outcome="failure"} 0',
      'peak_circuit_breaker_calls_total{breaker="k",outcome="ignored"} 0',
      'peak_circuit_breaker_slow_calls_total{breaker="k"} 0',
      'peak_circuit_breaker_rejections_total{breaker="k"} 0',
    ]);
  });

  it("a stopped breaker no longer moves its state gauge or transition counter", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    const breaker = circuitBreaker({ name: "k", failureThreshold: 1, isFailure: [ProviderError] });
    const stop = metrics.observeBreaker(breaker);
    stop();
    await breaker.tryExecute(() => Promise.reject(new ProviderError("down")));
    await breaker.tryExecute(() => "rejected");
    expect(breaker.state).toBe("open");
    const lines = await samples(registry);
    expect(lines).toContain('peak_circuit_breaker_state{breaker="k",state="closed"} 1');
    expect(lines).toContain('peak_circuit_breaker_rejections_total{breaker="k"} 0');
    expect(lines.some((line) => line.includes("transitions_total{"))).toBe(false);
  });

  it("exports traffic series at zero when observed and stops each on request", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ name: "rl", limit: 1, intervalMs: 1_000, clock });
    const pool = bulkhead({ name: "bh", maxConcurrent: 1 });
    const quotes = hedge({ name: "hq", delayMs: 10, clock });
    const stops = [
      metrics.observeRateLimiter(limiter),
      metrics.observeBulkhead(pool),
      metrics.observeHedge(quotes),
    ];
    expect(await samples(registry)).toEqual([
      'peak_rate_limiter_acquired_weight_total{limiter="rl"} 0',
      'peak_rate_limiter_rejected_weight_total{limiter="rl"} 0',
      'peak_rate_limiter_queued{limiter="rl"} 0',
      'peak_bulkhead_in_flight{bulkhead="bh"} 0',
      'peak_bulkhead_queued{bulkhead="bh"} 0',
      'peak_hedge_started_total{policy="hq"} 0',
      'peak_hedge_won_total{policy="hq"} 0',
    ]);
    stops.forEach((stop) => stop());
    registry.resetMetrics();
    limiter.tryAcquire();
    limiter.tryAcquire();
    const running = pool.execute(
      () => new Promise<void>((resolve) => clock.setTimeout(resolve, 5)),
    );
    await quotes.execute(() => "fast");
    expect(await samples(registry)).toEqual([]);
    await clock.advance(5);
    await running;
  });

  it("counts a hedge that answers first as won", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    const clock = createVirtualClock(0);
    const quotes = hedge({ name: "hq", delayMs: 10, clock });
    metrics.observeHedge(quotes);
    let calls = 0;
    const answer = quotes.execute(
      () =>
        new Promise<string>((resolve) => {
          const attempt = ++calls;
          clock.setTimeout(() => resolve(`attempt ${attempt}`), attempt === 1 ? 100 : 5);
        }),
    );
    await clock.advance(100);
    expect(await answer).toBe("attempt 2");
    const lines = await samples(registry);
    expect(lines).toContain('peak_hedge_started_total{policy="hq"} 1');
    expect(lines).toContain('peak_hedge_won_total{policy="hq"} 1');
  });
});
