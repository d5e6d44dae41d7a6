import { isConfigError } from "@peak/errors";
import { circuitBreaker, HealthCheck } from "@peak/resilience";
import { register as globalRegistry, Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { registerResilienceMetrics } from "./register-metrics";

afterEach(() => globalRegistry.clear());

const refusal = (options: unknown) => {
  try {
    registerResilienceMetrics(options as never);
  } catch (error) {
    if (isConfigError(error)) return error;
  }
  throw new Error("expected a ConfigError");
};

const samples = async (registry: Registry): Promise<string[]> =>
  (await registry.metrics()).split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("registerResilienceMetrics options", () => {
  it("lists the known options for an unknown one with no close match", () => {
    const error = refusal({ colour: "red" });
    expect(error.message).toBe("registerResilienceMetrics: unknown option `colour`");
    expect(error.hint).toBe("Known options: registry, prefix, maxLabelValues, maxAttemptLabel");
    expect(error.context).toEqual({ option: "colour", owner: "registerResilienceMetrics" });
  });

  it.each([
    ["prefix", "1peak_", '"1peak_"'],
    ["prefix", "peak-", '"peak-"'],
    ["prefix", "a b", '"a b"'],
    ["prefix", 42, "42"],
    ["prefix", Symbol("p"), "Symbol(p)"],
    ["maxLabelValues", 0, "0"],
    ["maxLabelValues", 1.5, "1.5"],
    ["maxAttemptLabel", Number.NaN, "null"],
  ])("refuses %s = %s, showing the value", (option, value, shown) => {
    const error = refusal({ registry: new Registry(), [option]: value });
    expect(error.message).toMatch(new RegExp(`^registerResilienceMetrics: \`${option}\` must be `));
    expect(error.hint).toBe(`Pass a valid \`${option}\` (got ${shown})`);
    expect(error.context).toEqual({ option, owner: "registerResilienceMetrics" });
  });

  it("names the prefix pattern and the count rule", () => {
    expect(refusal({ prefix: "-" }).message).toBe(
      "registerResilienceMetrics: `prefix` must be a Prometheus metric name prefix ([a-zA-Z_:][a-zA-Z0-9_:]*)",
    );
    expect(refusal({ maxLabelValues: 0 }).message).toBe(
      "registerResilienceMetrics: `maxLabelValues` must be an integer >= 1",
    );
  });

  it("accepts a limit of 1 and keeps one budget per label kind", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry, maxLabelValues: 1, maxAttemptLabel: 1 });
    metrics.observeBreaker(circuitBreaker({ name: "a" }));
    metrics.observeBreaker(circuitBreaker({ name: "b" }));
    metrics.retryListener("p")({ attempt: 3 } as never);
    const health = new HealthCheck();
    metrics.observeHealth(health);
    health.register("c", () => true);
    await health.run();
    const lines = await samples(registry);
    expect(lines).toContain('peak_circuit_breaker_state{breaker="a",state="closed"} 1');
    expect(lines).toContain('peak_circuit_breaker_state{breaker="_other",state="closed"} 1');
    expect(lines).toContain('peak_retry_attempts_total{policy="p",attempt="1+"} 1');
    expect(lines).toContain('peak_health_check_status{check="c"} 1');
  });

  it("uses prom-client's global registry and the peak_ prefix by default", async () => {
    registerResilienceMetrics().observeBreaker(circuitBreaker({ name: "g" }));
    expect(await samples(globalRegistry)).toContain(
      'peak_circuit_breaker_state{breaker="g",state="closed"} 1',
    );
  });

  it("allows 100 distinct values per label by default", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    for (let i = 0; i <= 100; i++) metrics.observeBreaker(circuitBreaker({ name: `b${i}` }));
    const lines = await samples(registry);
    expect(lines).toContain('peak_circuit_breaker_state{breaker="b99",state="closed"} 1');
    expect(lines).toContain('peak_circuit_breaker_state{breaker="_other",state="closed"} 1');
    expect(lines.some((line) => line.includes('"b100"'))).toBe(false);
  });
});
