import type { Clock } from "../time/clock";
import type {
  HealthCheckFn,
  HealthCheckResult,
  HealthCheckReturn,
  HealthStatus,
} from "./health-types";
import { isTimeoutError } from "../errors/timeout-error";
import { timeout } from "../timeout/timeout";

/** A registered check with its settings. */
export interface CheckEntry {
  readonly name: string;
  readonly fn: HealthCheckFn;
  readonly timeoutMs: number;
  readonly critical: boolean;
}

const STATUSES: readonly string[] = ["pass", "warn", "fail"];
const ALIASES: Record<string, HealthStatus> = {
  ok: "pass",
  up: "pass",
  error: "fail",
  down: "fail",
};

/** Interprets a check's return value. */
export const interpret = (
  value: HealthCheckReturn,
): Pick<HealthCheckResult, "status" | "message" | "details"> => {
  if (value === undefined || value === true) return { status: "pass", message: "", details: {} };
  if (typeof value !== "object" || value === null) {
    return { status: value ? "pass" : "fail", message: "", details: {} };
  }
  const raw = value.status ?? (value.healthy === false ? "fail" : "pass");
  return {
    status: ALIASES[raw] ?? (STATUSES.includes(raw) ? (raw as HealthStatus) : "fail"),
    message: value.message ?? "",
    details: Object.freeze({ ...value.details }),
  };
};

/** Runs one check bounded by its timeout; never rejects. */
export const runHealthCheck = async (
  entry: CheckEntry,
  clock: Clock,
): Promise<HealthCheckResult> => {
  const start = clock.now();
  let outcome: Pick<HealthCheckResult, "status" | "message" | "details">;
  try {
    outcome = interpret(
      await timeout(entry.timeoutMs, { clock, mode: "aggressive" }).execute(entry.fn),
    );
  } catch (error) {
    const message = isTimeoutError(error)
      ? `Check timed out after ${entry.timeoutMs} ms`
      : `Check failed with exception: ${error instanceof Error ? error.message : String(error)}`;
    outcome = { status: "fail", message, details: {} };
  }
  return {
    name: entry.name,
    ...outcome,
    durationMs: clock.now() - start,
    timestamp: new Date(start).toISOString(),
    critical: entry.critical,
    cached: false,
  };
};
