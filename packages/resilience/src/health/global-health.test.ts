import { afterEach, describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { globalHealthCheck, healthCheck } from "./global-health";
import type { HealthCheckResult } from "./health-types";

// The process-wide registry: every method of the `healthCheck` facade reaches the shared instance.
describe("global healthCheck", () => {
  afterEach(() => healthCheck.clear());

  it("is kept on globalThis under the package's registered symbol, created once", () => {
    const registry = globalHealthCheck();
    const holder = globalThis as Record<symbol, unknown>;
    expect(holder[Symbol.for("@peak/resilience/healthCheck")]).toBe(registry);
    expect(globalHealthCheck()).toBe(registry);
  });

  it("registers a breaker, runs it and reports each fresh result to listeners", async () => {
    const seen: HealthCheckResult[] = [];
    const stop = healthCheck.onResult((result) => seen.push(result));
    healthCheck.registerBreaker(circuitBreaker({ name: "feed" }));
    expect(healthCheck.names()).toEqual(["circuit_breaker_feed"]);
    const report = await healthCheck.run();
    expect(report.status).toBe("pass");
    expect(report.checks["circuit_breaker_feed"]).toMatchObject({
      status: "pass",
      message: "Circuit breaker 'feed' state: closed",
    });
    expect(seen.map((r) => r.name)).toEqual(["circuit_breaker_feed"]);
    stop();
    await healthCheck.run();
    expect(seen).toHaveLength(1);
  });

  it("unregisters one check and clears all of them", () => {
    healthCheck.register("a", () => true);
    healthCheck.register("b", () => true);
    expect(healthCheck.unregister("a")).toBe(true);
    expect(healthCheck.unregister("a")).toBe(false);
    expect(healthCheck.names()).toEqual(["b"]);
    healthCheck.clear();
    expect(globalHealthCheck().names()).toEqual([]);
  });
});
