import type { CircuitBreaker } from "../breaker/breaker-api";
import type { HealthCheckFn } from "./health-types";

/**
 * A health check reporting a breaker: closed → pass, half-open → warn, open → fail, with
 * the message `Circuit breaker '<name>' state: <state>` and the breaker's counters as details.
 */
export const breakerHealthCheck =
  (breaker: CircuitBreaker): HealthCheckFn =>
  () => {
    const stats = breaker.stats;
    const status =
      stats.state === "closed" ? "pass" : stats.state === "half-open" ? "warn" : "fail";
    return {
      status,
      message: `Circuit breaker '${breaker.name}' state: ${stats.state}`,
      details: {
        state: stats.state,
        failures: stats.failures,
        rejections: stats.rejections,
        nextAttemptAt: stats.nextAttemptAt,
        isolated: stats.isolated,
      },
    };
  };
