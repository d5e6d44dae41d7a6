import { ConfigError, didYouMean } from "@peak/errors";
import type { CircuitBreaker, HealthCheck, RetryEvent } from "@peak/resilience";
import { register as globalRegistry, type Registry } from "prom-client";
import { attemptLabel, LabelLimiter } from "./label-limiter";
import { createMetricSet, METRIC_SUFFIXES, refuseTaken } from "./metric-set";
import { observeBreaker, observeHealth } from "./observers";
import { createTrafficObservers, TRAFFIC_SUFFIXES, type TrafficObservers } from "./traffic-metrics";

/** Options of {@link registerResilienceMetrics}. */
export interface ResilienceMetricsOptions {
  /** Where the metrics are registered. @defaultValue prom-client's global `register` */
  registry?: Registry;
  /** Prefix of every metric name. @defaultValue "peak_" */
  prefix?: string;
  /** Distinct values per label (breaker, policy, check); later ones are reported as `_other`. @defaultValue 100 */
  maxLabelValues?: number;
  /** Retry attempts at or above this share one `attempt` label, e.g. `"5+"`. @defaultValue 5 */
  maxAttemptLabel?: number;
}

/** What {@link registerResilienceMetrics} returns. Every `observe…` returns a stop function. */
export interface ResilienceMetrics extends TrafficObservers {
  /** Exports a breaker's state, calls by outcome, slow calls, rejections and transitions. */
  observeBreaker(breaker: CircuitBreaker): () => void;
  /** An `onRetry` callback counting retries of the policy `policy` by attempt. */
  retryListener(policy: string): (event: RetryEvent) => void;
  /** Exports the status of every check of a `HealthCheck` registry as it runs. */
  observeHealth(health: Pick<HealthCheck, "onResult">): () => void;
}

const fail = (option: string, expected: string, got: unknown): never => {
  throw new ConfigError(`registerResilienceMetrics: \`${option}\` must be ${expected}`, {
    hint: `Pass a valid \`${option}\` (got ${JSON.stringify(got) ?? String(got)})`,
    context: { option, owner: "registerResilienceMetrics" },
  });
};

const KNOWN: readonly string[] = ["registry", "prefix", "maxLabelValues", "maxAttemptLabel"];

const rejectUnknownKeys = (options: object): void => {
  for (const key of Object.keys(options)) {
    if (KNOWN.includes(key)) continue;
    const hint = didYouMean(key, KNOWN) ?? `Known options: ${KNOWN.join(", ")}`;
    throw new ConfigError(`registerResilienceMetrics: unknown option \`${key}\``, {
      hint,
      context: { option: key, owner: "registerResilienceMetrics" },
    });
  }
};

const checkCount = (option: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  return Number.isInteger(value) && value >= 1 ? value : fail(option, "an integer >= 1", value);
};

/**
 * Registers Prometheus metrics for `@peak/resilience` policies (driven by the events they
 * emit, nothing is polled): `<prefix>circuit_breaker_state{breaker,state}` (1/0 per state),
 * `…_calls_total{breaker,outcome}`, `…_slow_calls_total`, `…_rejections_total`,
 * `…_transitions_total{breaker,from,to}`, `<prefix>retry_attempts_total{policy,attempt}` and
 * `<prefix>health_check_status{check}` (1 pass, 0.5 warn, 0 fail); and for traffic shaping
 * `<prefix>rate_limiter_acquired_weight_total{limiter}`, `…_rejected_weight_total`,
 * `…_wait_seconds` (histogram), `…_queued`, `<prefix>bulkhead_in_flight{bulkhead}`,
 * `<prefix>bulkhead_queued`, `<prefix>hedge_started_total{policy}` and `…_won_total`.
 *
 * @throws {@link ConfigError} for a bad option, or when these metrics are already registered
 * @example
 * ```ts
 * const metrics = registerResilienceMetrics({ registry });
 * metrics.observeBreaker(breaker);
 * const retry = retryWithBackoff({ onRetry: metrics.retryListener("kraken") });
 * metrics.observeHealth(health); // a HealthCheck instance
 * response.type(registry.contentType).send(await registry.metrics());
 * ```
 */
export const registerResilienceMetrics = (
  options: ResilienceMetricsOptions = {},
): ResilienceMetrics => {
  rejectUnknownKeys(options);
  const prefix = options.prefix ?? "peak_";
  if (typeof prefix !== "string" || !/^([a-zA-Z_:][a-zA-Z0-9_:]*)?$/.test(prefix)) {
    fail("prefix", "a Prometheus metric name prefix ([a-zA-Z_:][a-zA-Z0-9_:]*)", prefix);
  }
  const limit = checkCount("maxLabelValues", options.maxLabelValues, 100);
  const maxAttempt = checkCount("maxAttemptLabel", options.maxAttemptLabel, 5);
  const observed = new Set<CircuitBreaker>();
  // Reading `state` applies due time-based transitions (open → half-open), whose events update the gauge.
  const refresh = () => observed.forEach((breaker) => breaker.state);
  const registry = options.registry ?? globalRegistry;
  refuseTaken(registry, prefix, [...METRIC_SUFFIXES, ...TRAFFIC_SUFFIXES]);
  const metrics = createMetricSet(registry, prefix, refresh);
  const traffic = createTrafficObservers(registry, prefix, new LabelLimiter(limit));
  const breakers = new LabelLimiter(limit);
  const policies = new LabelLimiter(limit);
  const checks = new LabelLimiter(limit);
  return {
    observeBreaker(breaker) {
      observed.add(breaker);
      const stop = observeBreaker(metrics, breakers.get(breaker.name), breaker);
      return () => {
        observed.delete(breaker);
        stop();
      };
    },
    retryListener(policy) {
      const label = policies.get(policy);
      return (event) =>
        metrics.retries.inc({ policy: label, attempt: attemptLabel(event.attempt, maxAttempt) });
    },
    observeHealth: (health) => observeHealth(metrics, checks, health),
    ...traffic,
  };
};
