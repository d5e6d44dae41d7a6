import type { CircuitBreaker, CircuitState, HealthCheck, HealthStatus } from "@peak/resilience";
import type { LabelLimiter } from "./label-limiter";
import type { MetricSet } from "./metric-set";

const STATES: readonly CircuitState[] = ["closed", "open", "half-open"];
const OUTCOMES = ["success", "failure", "ignored"] as const;
const HEALTH_VALUE: Record<HealthStatus, number> = { pass: 1, warn: 0.5, fail: 0 };

const setState = (metrics: MetricSet, breaker: string, current: CircuitState): void => {
  for (const state of STATES)
    metrics.breakerState.set({ breaker, state }, state === current ? 1 : 0);
};

/** Feeds a breaker's events into the metrics under the label `name`; returns a stop function. */
export const observeBreaker = (
  metrics: MetricSet,
  name: string,
  breaker: CircuitBreaker,
): (() => void) => {
  setState(metrics, name, breaker.state);
  for (const outcome of OUTCOMES) metrics.calls.inc({ breaker: name, outcome }, 0);
  metrics.slowCalls.inc({ breaker: name }, 0);
  metrics.rejections.inc({ breaker: name }, 0);
  const offState = breaker.onStateChange(({ from, to }) => {
    setState(metrics, name, to);
    metrics.transitions.inc({ breaker: name, from, to });
  });
  const offOutcome = breaker.onOutcome(({ type, slow }) => {
    if (type === "rejected") {
      metrics.rejections.inc({ breaker: name });
      return;
    }
    metrics.calls.inc({ breaker: name, outcome: type });
    if (slow) metrics.slowCalls.inc({ breaker: name });
  });
  return () => {
    offState();
    offOutcome();
  };
};

/** Feeds every fresh result of `health` into the status gauge; returns a stop function. */
export const observeHealth = (
  metrics: MetricSet,
  checks: LabelLimiter,
  health: Pick<HealthCheck, "onResult">,
): (() => void) =>
  health.onResult(({ name, status }) => {
    metrics.healthStatus.set({ check: checks.get(name) }, HEALTH_VALUE[status]);
  });
