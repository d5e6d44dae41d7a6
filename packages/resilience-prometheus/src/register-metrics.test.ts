import { ConfigError, ProviderError } from "@peak/errors";
import { circuitBreaker, HealthCheck, retryWithBackoff } from "@peak/resilience";
import { createVirtualClock } from "@peak/resilience/testing";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerResilienceMetrics } from "./register-metrics";

const down = () => Promise.reject(new ProviderError("down"));

/** The sample lines of a scrape (no HELP/TYPE comments). */
const samples = async (registry: Registry): Promise<string[]> =>
  (await registry.metrics()).split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("registerResilienceMetrics", () => {
  it("exports breaker state, calls by outcome, rejections and transitions", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({
      name: "kraken",
      failureThreshold: 2,
      recoveryTimeoutMs: 1_000,
      slowCallMs: 100,
      isFailure: [ProviderError],
      clock,
    });
    metrics.observeBreaker(breaker);
    await breaker.execute(() => "ok");
    await breaker.tryExecute(() => Promise.reject(new Error("not counted")));
    await breaker.tryExecute(down);
    await breaker.tryExecute(down);
    await breaker.tryExecute(() => "rejected");
    await breaker.tryExecute(() => "rejected");
    await clock.advance(1_000);
    expect(await samples(registry)).toContain(
      'peak_circuit_breaker_state{breaker="kraken",state="half-open"} 1',
    );
    const slow = breaker.execute(
      () => new Promise<void>((resolve) => clock.setTimeout(() => resolve(), 150)),
    );
    await clock.advance(150);
    await slow;
    expect(await samples(registry)).toEqual([
      'peak_circuit_breaker_state{breaker="kraken",state="closed"} 0',
      'peak_circuit_breaker_state{breaker="kraken",state="open"} 1',
      'peak_circuit_breaker_state{breaker="kraken",state="half-open"} 0',
      'peak_circuit_breaker_calls_total{breaker="kraken",outcome="success"} 1',
      'peak_circuit_breaker_calls_total{breaker="kraken",outcome="failure"} 3',
      'peak_circuit_breaker_calls_total{breaker="kraken",outcome="ignored"} 1',
      'peak_circuit_breaker_slow_calls_total{breaker="kraken"} 1',
      'peak_circuit_breaker_rejections_total{breaker="kraken"} 2',
      'peak_circuit_breaker_transitions_total{breaker="kraken",from="closed",to="open"} 1',
      'peak_circuit_breaker_transitions_total{breaker="kraken",from="open",to="half-open"} 1',
      'peak_circuit_breaker_transitions_total{breaker="kraken",from="half-open",to="open"} 1',
    ]);
  });

  it("counts retries by bounded attempt label and exports health check status", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry, prefix: "app_", maxLabelValues: 2 });
    const clock = createVirtualClock(0);
    let calls = 0;
    const retry = retryWithBackoff({
      maxAttempts: 7,
      baseDelayMs: 10,
      backoff: "constant",
      jitter: "none",
      clock,
      onRetry: metrics.retryListener("quotes"),
    });
    const done = retry.execute(() => (++calls < 7 ? down() : "ok"));
    await clock.advance(100);
    expect(await done).toBe("ok");
    const health = new HealthCheck({ clock });
    metrics.observeHealth(health);
    health.register("db", () => true);
    health.register("cache", () => ({ status: "warn" }));
    health.register("feed", () => false);
    await health.run();
    expect(await samples(registry)).toEqual([
      'app_retry_attempts_total{policy="quotes",attempt="1"} 1',
      'app_retry_attempts_total{policy="quotes",attempt="2"} 1',
      'app_retry_attempts_total{policy="quotes",attempt="3"} 1',
      'app_retry_attempts_total{policy="quotes",attempt="4"} 1',
      'app_retry_attempts_total{policy="quotes",attempt="5+"} 2',
      'app_health_check_status{check="db"} 1',
      'app_health_check_status{check="cache"} 0.5',
      'app_health_check_status{check="_other"} 0',
    ]);
  });

  it("stops updating after the stop function is called", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    const breaker = circuitBreaker({ name: "b" });
    const stop = metrics.observeBreaker(breaker);
    await breaker.execute(() => 1);
    stop();
    await breaker.execute(() => 1);
    expect(await samples(registry)).toContain(
      'peak_circuit_breaker_calls_total{breaker="b",outcome="success"} 1',
    );
  });

  it("rejects a second registration and bad options with a ConfigError", () => {
    const registry = new Registry();
    registerResilienceMetrics({ registry });
    expect(() => registerResilienceMetrics({ registry })).toThrow(ConfigError);
    expect(() => registerResilienceMetrics({ registry, prefix: "x_" })).not.toThrow();
    expect(() => registerResilienceMetrics({ registry, prefix: "bad-" })).toThrow(/`prefix`/);
    expect(() => registerResilienceMetrics({ registry, maxAttemptLabel: 0 })).toThrow(
      /maxAttemptLabel/,
    );
  });
});
