import type { HealthReport, HealthStatus } from "./health-types";

/** One entry of `checks` in an `application/health+json` document. */
export interface HealthJsonCheck {
  componentId: string;
  componentType: "component";
  status: HealthStatus;
  time: string;
  observedValue: number;
  observedUnit: "ms";
  /** The check's message; omitted when it passed (as the draft recommends). */
  output?: string;
  /** The check's details, when it gave any. */
  details?: Record<string, unknown>;
}

/** An `application/health+json` document (draft-inadarei-api-health-check-06). */
export interface HealthJson {
  status: HealthStatus;
  version?: string;
  serviceId?: string;
  description?: string;
  checks: Record<string, HealthJsonCheck[]>;
}

/** Top-level fields to add to the document. */
export interface HealthJsonOptions {
  version?: string;
  serviceId?: string;
  description?: string;
}

/** The `Content-Type` of a health document. */
export const HEALTH_JSON_CONTENT_TYPE = "application/health+json";

/** The HTTP status for a health status: 200 for pass and warn, 503 for fail. */
export const healthHttpStatus = (status: HealthStatus): 200 | 503 =>
  status === "fail" ? 503 : 200;

/** Converts a report to the `application/health+json` shape; each check is keyed by name. */
export const toHealthJson = (report: HealthReport, options: HealthJsonOptions = {}): HealthJson => {
  const checks: Record<string, HealthJsonCheck[]> = {};
  for (const [name, result] of Object.entries(report.checks)) {
    const entry: HealthJsonCheck = {
      componentId: name,
      componentType: "component",
      status: result.status,
      time: result.timestamp,
      observedValue: result.durationMs,
      observedUnit: "ms",
    };
    if (result.status !== "pass" && result.message !== "") entry.output = result.message;
    if (Object.keys(result.details).length > 0) entry.details = { ...result.details };
    checks[name] = [entry];
  }
  return { status: report.status, ...options, checks };
};
