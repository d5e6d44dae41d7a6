/** Health of a check or of the whole system (`application/health+json` values). */
export type HealthStatus = "pass" | "warn" | "fail";

/**
 * What a check function may return: nothing or `true` (pass), `false` (fail), or an object
 * with a `status` (aliases `ok`/`up` and `error`/`down` accepted) or `healthy` flag, a
 * `message` and `details`. Throwing (or timing out) makes the check fail.
 */
export type HealthCheckReturn =
  | void
  | boolean
  | {
      status?: HealthStatus | "ok" | "up" | "error" | "down";
      healthy?: boolean;
      message?: string;
      details?: Record<string, unknown>;
    };

/** A health check: receives a signal that aborts when its timeout passes. */
export type HealthCheckFn = (context: {
  readonly signal: AbortSignal;
}) => HealthCheckReturn | PromiseLike<HealthCheckReturn>;

/** Options of `register`. */
export interface HealthCheckOptions {
  /** Longest a run of this check may take before it fails. @defaultValue 5_000 */
  timeoutMs?: number;
  /** A failing critical check fails the system; a failing non-critical one only warns. @defaultValue true */
  critical?: boolean;
  /**
   * Reuse a result this long. When it is older, the stale result is answered at once and a
   * refresh runs in the background, so a probe never waits for a slow check. @defaultValue 0
   */
  cacheMs?: number;
}

/** The result of one check. */
export interface HealthCheckResult {
  readonly name: string;
  readonly status: HealthStatus;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly durationMs: number;
  /** When the check ran, ISO 8601. */
  readonly timestamp: string;
  readonly critical: boolean;
  /** True when this result was answered from the cache. */
  readonly cached: boolean;
}

/** The result of running every check. */
export interface HealthReport {
  /** `fail` if a critical check failed, `warn` if any check failed or warned, else `pass`. */
  readonly status: HealthStatus;
  /** `status !== "fail"`. */
  readonly healthy: boolean;
  readonly timestamp: string;
  readonly checks: Readonly<Record<string, HealthCheckResult>>;
  readonly summary: { total: number; passed: number; warned: number; failed: number };
}
