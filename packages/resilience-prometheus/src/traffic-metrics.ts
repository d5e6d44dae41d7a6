import type { Bulkhead, HedgePolicy, RateLimiterBase } from "@peak/resilience";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { LabelLimiter } from "./label-limiter";

const SUFFIXES = [
  "rate_limiter_acquired_weight_total",
  "rate_limiter_rejected_weight_total",
  "rate_limiter_wait_seconds",
  "rate_limiter_queued",
  "bulkhead_in_flight",
  "bulkhead_queued",
  "hedge_started_total",
  "hedge_won_total",
] as const;

/** Name suffixes of the traffic-shaping metrics. */
export const TRAFFIC_SUFFIXES: readonly string[] = SUFFIXES;

/** Observers of the traffic-shaping policies; each returns a stop function. */
export interface TrafficObservers {
  /** Exports a rate limiter's acquired and rejected weight, wait times and queued calls. */
  observeRateLimiter(limiter: RateLimiterBase): () => void;
  /** Exports a bulkhead's in-flight and queued calls. */
  observeBulkhead(bulkhead: Bulkhead): () => void;
  /** Exports how many hedges a hedge policy started and how many of them answered first. */
  observeHedge(hedge: HedgePolicy): () => void;
}

/**
 * Creates the traffic-shaping metrics in `registry` (names start with `prefix`); gauges are
 * read from the observed policies' `stats` at scrape time. Check the names first with
 * `refuseTaken`.
 */
export const createTrafficObservers = (
  registry: Registry,
  prefix: string,
  labels: LabelLimiter,
): TrafficObservers => {
  const registers = [registry];
  const limiters = new Map<RateLimiterBase, string>();
  const bulkheads = new Map<Bulkhead, string>();
  const base = (suffix: (typeof SUFFIXES)[number], help: string, labelNames: string[]) => ({
    name: `${prefix}${suffix}`,
    help,
    labelNames,
    registers,
  });
  const acquired = new Counter(base(SUFFIXES[0], "Weight admitted by a rate limiter", ["limiter"]));
  const rejected = new Counter(base(SUFFIXES[1], "Weight rejected by a rate limiter", ["limiter"]));
  const wait = new Histogram({
    ...base(SUFFIXES[2], "Time admitted calls waited for their rate-limiter slot", ["limiter"]),
    buckets: [0, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  });
  const queued = new Gauge({
    ...base(SUFFIXES[3], "Calls waiting for a rate-limiter slot", ["limiter"]),
    collect: () => limiters.forEach((label, l) => queued.set({ limiter: label }, l.stats.queued)),
  });
  const inFlight = new Gauge({
    ...base(SUFFIXES[4], "Calls running inside a bulkhead", ["bulkhead"]),
    collect: () =>
      bulkheads.forEach((label, b) => inFlight.set({ bulkhead: label }, b.stats.inFlight)),
  });
  const bhQueued = new Gauge({
    ...base(SUFFIXES[5], "Calls waiting in a bulkhead's queue", ["bulkhead"]),
    collect: () =>
      bulkheads.forEach((label, b) => bhQueued.set({ bulkhead: label }, b.stats.queued)),
  });
  const started = new Counter(
    base(SUFFIXES[6], "Hedged attempts started (beyond the first)", ["policy"]),
  );
  const won = new Counter(base(SUFFIXES[7], "Hedged attempts that answered first", ["policy"]));
  return {
    observeRateLimiter(limiter) {
      const label = labels.get(limiter.name);
      limiters.set(limiter, label);
      acquired.inc({ limiter: label }, 0);
      rejected.inc({ limiter: label }, 0);
      const off = limiter.onEvent((event) => {
        if (event.type === "rejected") return rejected.inc({ limiter: label }, event.weight);
        acquired.inc({ limiter: label }, event.weight);
        wait.observe({ limiter: label }, event.waitMs / 1_000);
      });
      return () => (limiters.delete(limiter), off());
    },
    observeBulkhead(bulkhead) {
      bulkheads.set(bulkhead, labels.get(bulkhead.name));
      return () => void bulkheads.delete(bulkhead);
    },
    observeHedge(hedge) {
      const label = labels.get(hedge.name);
      started.inc({ policy: label }, 0);
      won.inc({ policy: label }, 0);
      return hedge.onEvent(({ type }) =>
        (type === "started" ? started : won).inc({ policy: label }),
      );
    },
  };
};
