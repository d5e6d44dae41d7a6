import type { HealthCheckResult, HealthReport, HealthStatus } from "./health-types";

/** Aggregates check results: critical fail → fail; any other fail or warn → warn; else pass. */
export const summarise = (results: readonly HealthCheckResult[], now: number): HealthReport => {
  let status: HealthStatus = "pass";
  const summary = { total: results.length, passed: 0, warned: 0, failed: 0 };
  const checks: Record<string, HealthCheckResult> = {};
  for (const result of results) {
    checks[result.name] = result;
    if (result.status === "pass") summary.passed += 1;
    else if (result.status === "warn") summary.warned += 1;
    else summary.failed += 1;
    if (result.status === "fail" && result.critical) status = "fail";
    else if (result.status !== "pass" && status === "pass") status = "warn";
  }
  return Object.freeze({
    status,
    healthy: status !== "fail",
    timestamp: new Date(now).toISOString(),
    checks: Object.freeze(checks),
    summary,
  });
};
