import { ConfigError } from "@peak/errors";
import { Counter, Gauge, type Registry } from "prom-client";

/** Every metric this package registers. */
export interface MetricSet {
  readonly breakerState: Gauge<"breaker" | "state">;
  readonly calls: Counter<"breaker" | "outcome">;
  readonly slowCalls: Counter<"breaker">;
  readonly rejections: Counter<"breaker">;
  readonly transitions: Counter<"breaker" | "from" | "to">;
  readonly retries: Counter<"policy" | "attempt">;
  readonly healthStatus: Gauge<"check">;
}

/** Name suffixes of the breaker, retry and health metrics. */
export const METRIC_SUFFIXES = [
  "circuit_breaker_state",
  "circuit_breaker_calls_total",
  "circuit_breaker_slow_calls_total",
  "circuit_breaker_rejections_total",
  "circuit_breaker_transitions_total",
  "retry_attempts_total",
  "health_check_status",
] as const;

/**
 * Throws when `registry` already has a metric named `prefix` + one of `suffixes`; checked for
 * every metric before any is created, so a refused registration leaves the registry as it was.
 * @throws {@link ConfigError} naming the first such metric
 */
export const refuseTaken = (registry: Registry, prefix: string, suffixes: readonly string[]) => {
  for (const suffix of suffixes) {
    const full = `${prefix}${suffix}`;
    if (registry.getSingleMetric(full) === undefined) continue;
    throw new ConfigError(`registerResilienceMetrics: metric "${full}" is already registered`, {
      hint: "Call registerResilienceMetrics once per registry and reuse its result, or pass another `prefix`",
      context: { option: "registry", owner: "registerResilienceMetrics", metric: full },
    });
  }
};

/**
 * Creates and registers the metrics in `registry` with names starting with `prefix` (check
 * them first with {@link refuseTaken}); `beforeScrape` runs before the state gauge is read (to
 * apply breakers' timed transitions).
 */
export const createMetricSet = (
  registry: Registry,
  prefix: string,
  beforeScrape: () => void,
): MetricSet => {
  const registers = [registry];
  const name = (suffix: (typeof METRIC_SUFFIXES)[number]): string => `${prefix}${suffix}`;
  return {
    breakerState: new Gauge({
      name: name("circuit_breaker_state"),
      help: "Circuit breaker state: 1 for the current state, 0 for the others",
      labelNames: ["breaker", "state"],
      registers,
      collect: beforeScrape,
    }),
    calls: new Counter({
      name: name("circuit_breaker_calls_total"),
      help: "Calls run by a circuit breaker, by outcome (success, failure, ignored)",
      labelNames: ["breaker", "outcome"],
      registers,
    }),
    slowCalls: new Counter({
      name: name("circuit_breaker_slow_calls_total"),
      help: "Successful calls slower than slowCallMs (also counted as failures)",
      labelNames: ["breaker"],
      registers,
    }),
    rejections: new Counter({
      name: name("circuit_breaker_rejections_total"),
      help: "Calls rejected without running because the breaker was open or half-open and full",
      labelNames: ["breaker"],
      registers,
    }),
    transitions: new Counter({
      name: name("circuit_breaker_transitions_total"),
      help: "Circuit breaker state changes",
      labelNames: ["breaker", "from", "to"],
      registers,
    }),
    retries: new Counter({
      name: name("retry_attempts_total"),
      help: "Retries scheduled, by the attempt that failed (1 = the first call; last bucket is N+)",
      labelNames: ["policy", "attempt"],
      registers,
    }),
    healthStatus: new Gauge({
      name: name("health_check_status"),
      help: "Last health check result: 1 pass, 0.5 warn, 0 fail",
      labelNames: ["check"],
      registers,
    }),
  };
};
