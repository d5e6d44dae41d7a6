import { isConfigError } from "@peak/errors";
import { Counter, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerResilienceMetrics } from "./register-metrics";

/** Every metric's HELP text and TYPE, as a scrape lists them. */
const HELP_AND_TYPE: [string, string, string][] = [
  [
    "circuit_breaker_state",
    "gauge",
    "Circuit breaker state: 1 for the current state, 0 for the others",
  ],
  [
    "circuit_breaker_calls_total",
    "counter",
    "Calls run by a circuit breaker, by outcome (success, failure, ignored)",
  ],
  [
    "circuit_breaker_slow_calls_total",
    "counter",
    "Successful calls slower than slowCallMs (also counted as failures)",
  ],
  [
    "circuit_breaker_rejections_total",
    "counter",
    "Calls rejected without running because the breaker was open or half-open and full",
  ],
  ["circuit_breaker_transitions_total", "counter", "Circuit breaker state changes"],
  [
    "retry_attempts_total",
    "counter",
    "Retries scheduled, by the attempt that failed (1 = the first call; last bucket is N+)",
  ],
  ["health_check_status", "gauge", "Last health check result: 1 pass, 0.5 warn, 0 fail"],
  ["rate_limiter_acquired_weight_total", "counter", "Weight admitted by a rate limiter"],
  ["rate_limiter_rejected_weight_total", "counter", "Weight rejected by a rate limiter"],
  [
    "rate_limiter_wait_seconds",
    "histogram",
    "Time admitted calls waited for their rate-limiter slot",
  ],
  ["rate_limiter_queued", "gauge", "Calls waiting for a rate-limiter slot"],
  ["bulkhead_in_flight", "gauge", "Calls running inside a bulkhead"],
  ["bulkhead_queued", "gauge", "Calls waiting in a bulkhead's queue"],
  ["hedge_started_total", "counter", "Hedged attempts started (beyond the first)"],
  ["hedge_won_total", "counter", "Hedged attempts that answered first"],
];

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isConfigError(error)) return error;
  }
  throw new Error("expected a ConfigError");
};

describe("metric names, help and types", () => {
  it("registers every metric under the prefix with its help text and type", async () => {
    const registry = new Registry();
    registerResilienceMetrics({ registry, prefix: "desk_" });
    const comments = (await registry.metrics()).split("\n").filter((line) => line.startsWith("#"));
    expect(comments).toEqual(
      HELP_AND_TYPE.flatMap(([suffix, type, help]) => [
        `# HELP desk_${suffix} ${help}`,
        `# TYPE desk_${suffix} ${type}`,
      ]),
    );
  });

  it("accepts an empty prefix", () => {
    const registry = new Registry();
    registerResilienceMetrics({ registry, prefix: "" });
    expect(registry.getSingleMetric("circuit_breaker_state")).toBeDefined();
  });

  it.each(HELP_AND_TYPE.map(([suffix]) => [suffix]))(
    "refuses a registry that already has %s, naming it",
    (suffix) => {
      const registry = new Registry();
      new Counter({ name: `peak_${suffix}`, help: "taken", registers: [registry] });
      const error = refusal(() => registerResilienceMetrics({ registry }));
      expect(error.message).toBe(
        `registerResilienceMetrics: metric "peak_${suffix}" is already registered`,
      );
      expect(error.hint).toBe(
        "Call registerResilienceMetrics once per registry and reuse its result, or pass another `prefix`",
      );
      expect(error.context).toEqual({
        option: "registry",
        owner: "registerResilienceMetrics",
        metric: `peak_${suffix}`,
      });
    },
  );

  it("leaves the registry as it was when it refuses a registration", () => {
    const registry = new Registry();
    new Counter({ name: "peak_hedge_won_total", help: "taken", registers: [registry] });
    refusal(() => registerResilienceMetrics({ registry }));
    expect(registry.getMetricsAsArray().map((m) => m.name)).toEqual(["peak_hedge_won_total"]);
  });
});
