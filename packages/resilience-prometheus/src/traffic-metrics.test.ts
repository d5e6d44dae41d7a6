import { bulkhead, hedge, rateLimiter } from "@peak/resilience";
import { createVirtualClock } from "@peak/resilience/testing";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerResilienceMetrics } from "./register-metrics";

const samples = async (registry: Registry): Promise<string[]> =>
  (await registry.metrics()).split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("registerResilienceMetrics (traffic shaping)", () => {
  it("exports rate-limiter weight, waits and queue, bulkhead load and hedges started and won", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({
      name: "binance",
      limit: 10,
      intervalMs: 1_000,
      maxWaitMs: 2_000,
      clock,
    });
    metrics.observeRateLimiter(limiter);
    limiter.tryAcquire({ weight: 10 });
    const waiting = limiter.acquire(4);
    limiter.tryAcquire({ weight: 2 });
    const pool = bulkhead({ name: "candles", maxConcurrent: 1, maxQueue: 2 });
    metrics.observeBulkhead(pool);
    const hold = pool.execute(() => new Promise<void>((resolve) => clock.setTimeout(resolve, 500)));
    const queued = pool.execute(() => "queued");
    const quotes = hedge({ name: "quotes", delayMs: 100, clock });
    metrics.observeHedge(quotes);
    const quote = quotes.execute(
      ({ signal }) =>
        new Promise<string>((resolve, reject) => {
          const cancel = clock.setTimeout(() => resolve("q"), 150);
          signal.addEventListener("abort", () => (cancel(), reject(new Error("lost"))));
        }),
    );
    const during = await samples(registry);
    await clock.advance(1_000);
    await Promise.all([waiting, hold, queued, quote]);
    expect(during).toContain('peak_rate_limiter_queued{limiter="binance"} 1');
    expect(during).toContain('peak_bulkhead_in_flight{bulkhead="candles"} 1');
    expect(during).toContain('peak_bulkhead_queued{bulkhead="candles"} 1');
    expect(await samples(registry)).toEqual([
      'peak_rate_limiter_acquired_weight_total{limiter="binance"} 14',
      'peak_rate_limiter_rejected_weight_total{limiter="binance"} 2',
      'peak_rate_limiter_wait_seconds_bucket{le="0",limiter="binance"} 1',
      'peak_rate_limiter_wait_seconds_bucket{le="0.01",limiter="binance"} 1',
      'peak_rate_limiter_wait_seconds_bucket{le="0.05",limiter="binance"} 1',
      'peak_rate_limiter_wait_seconds_bucket{le="0.1",limiter="binance"} 1',
      'peak_rate_limiter_wait_seconds_bucket{le="0.5",limiter="binance"} 1',
      'peak_rate_limiter_wait_seconds_bucket{le="1",limiter="binance"} 2',
      'peak_rate_limiter_wait_seconds_bucket{le="5",limiter="binance"} 2',
      'peak_rate_limiter_wait_seconds_bucket{le="30",limiter="binance"} 2',
      'peak_rate_limiter_wait_seconds_bucket{le="+Inf",limiter="binance"} 2',
      'peak_rate_limiter_wait_seconds_sum{limiter="binance"} 1',
      'peak_rate_limiter_wait_seconds_count{limiter="binance"} 2',
      'peak_rate_limiter_queued{limiter="binance"} 0',
      'peak_bulkhead_in_flight{bulkhead="candles"} 0',
      'peak_bulkhead_queued{bulkhead="candles"} 0',
      'peak_hedge_started_total{policy="quotes"} 1',
      'peak_hedge_won_total{policy="quotes"} 0',
    ]);
  });
});
