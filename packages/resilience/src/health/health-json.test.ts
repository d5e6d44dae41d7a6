import { describe, expect, it } from "vitest";
import { HEALTH_JSON_CONTENT_TYPE, toHealthJson } from "./health-json";
import type { HealthCheckResult, HealthReport, HealthStatus } from "./health-types";

const result = (name: string, status: HealthStatus, message: string): HealthCheckResult => ({
  name,
  status,
  message,
  details: {},
  durationMs: 4,
  timestamp: "2026-01-01T00:00:00.000Z",
  critical: true,
  cached: false,
});

const report = (...checks: HealthCheckResult[]): HealthReport => ({
  status: "warn",
  healthy: true,
  timestamp: "2026-01-01T00:00:00.000Z",
  checks: Object.fromEntries(checks.map((c) => [c.name, c])),
  summary: { total: checks.length, passed: 0, warned: 0, failed: 0 },
});

describe("toHealthJson", () => {
  it("names the draft's media type", () => {
    expect(HEALTH_JSON_CONTENT_TYPE).toBe("application/health+json");
  });

  it("gives `output` only for a check that did not pass and has a message", () => {
    const json = toHealthJson(
      report(
        result("passed", "pass", "all good"),
        result("warned", "warn", "lagging"),
        result("failed", "fail", "no route"),
        result("silent", "fail", ""),
      ),
    );
    const outputs = Object.fromEntries(
      Object.entries(json.checks).map(([name, [entry]]) => [name, entry && "output" in entry]),
    );
    expect(outputs).toEqual({ passed: false, warned: true, failed: true, silent: false });
    expect(json.checks["warned"]?.[0]?.output).toBe("lagging");
    expect(json.checks["failed"]?.[0]).toEqual({
      componentId: "failed",
      componentType: "component",
      status: "fail",
      time: "2026-01-01T00:00:00.000Z",
      observedValue: 4,
      observedUnit: "ms",
      output: "no route",
    });
  });
});
