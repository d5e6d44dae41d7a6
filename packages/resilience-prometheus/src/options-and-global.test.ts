import { isConfigError } from "@peak/errors";
import { healthCheck } from "@peak/resilience";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { registerResilienceMetrics } from "./register-metrics";

afterEach(() => healthCheck.clear());

describe("registerResilienceMetrics options and the global registry (issue 14)", () => {
  it("rejects an unknown option, naming it and the closest valid one", () => {
    let caught: unknown;
    try {
      registerResilienceMetrics({ registry: new Registry(), maxLabelValue: 3 } as never);
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught) && caught.message).toContain("`maxLabelValue`");
    expect(isConfigError(caught) && caught.hint).toBe("Did you mean `maxLabelValues`?");
  });

  it("observes the global healthCheck, as the README shows", async () => {
    const registry = new Registry();
    const metrics = registerResilienceMetrics({ registry });
    metrics.observeHealth(healthCheck);
    healthCheck.register("db", () => true);
    await healthCheck.run();
    expect(await registry.metrics()).toContain('peak_health_check_status{check="db"} 1');
  });
});
