import type { BreakingRule, BreakingStrategy } from "./rules/breaking-rule";
import type { ResolvedBreakerOptions } from "./resolved-breaker-options";
import type { CircuitBreakerSnapshot } from "./breaker-snapshot";
import type { BreakerStore } from "./store/breaker-store";
import { systemClock, type Clock } from "../time/clock";
import { ConsecutiveRule } from "./rules/consecutive-rule";
import { CountWindowRule } from "./rules/count-window-rule";
import { toErrorPredicate, type ErrorFilter } from "../shared/error-matcher";
import { TimeWindowRule } from "./rules/time-window-rule";
import { checkKeys } from "../shared/check-keys";
import { badOption, checkInteger, checkLimit, checkNumber, checkRate } from "../shared/validate";

/** Options of {@link circuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Shown in errors, events, snapshots and health checks. @defaultValue "circuit-breaker" */
  name?: string;
  /** Failures in a row that open the breaker (the `consecutive` rule). @defaultValue 5 */
  failureThreshold?: number;
  /** The breaking rule; overrides `failureThreshold`. @defaultValue consecutive failures */
  strategy?: BreakingStrategy;
  /** How long the breaker stays open before it allows a probe. @defaultValue 60_000 */
  recoveryTimeoutMs?: number;
  /** Probe calls allowed at once while half-open; others are rejected at once. @defaultValue 1 */
  halfOpenMaxCalls?: number;
  /** Successful probes needed to close; one failed probe re-opens. @defaultValue 1 */
  successThreshold?: number;
  /**
   * The longest a probe may take and still count. The rule: a probe that succeeds closes the
   * breaker (or counts toward `successThreshold`) however long it took, unless this is finite
   * and the probe ran for at least this long; then its result is ignored. A probe never
   * blocks the breaker: once it has run for this long (finite), or for `recoveryTimeoutMs`
   * (the default), its slot is given to a fresh probe, the breaker stays half-open, and
   * whichever probe of the round settles first decides. `0` and `Infinity` mean no limit (as
   * resilience4j's `maxWaitDurationInHalfOpenState: 0`).
   * @defaultValue Infinity
   */
  maxHalfOpenMs?: number;
  /** A success slower than this counts as a failure ("slow call"). @defaultValue off */
  slowCallMs?: number;
  /**
   * Which errors count as failures; other errors are passed through as "ignored" outcomes.
   * A call whose own signal was aborted is always ignored.
   * @defaultValue every error
   */
  isFailure?: ErrorFilter;
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
  /** State saved by `toJSON()` to start from (e.g. after a restart). */
  initialState?: CircuitBreakerSnapshot;
  /**
   * Shares state with other processes (e.g. `createRedisBreakerStore` from
   * `@peak/resilience-redis`). Calls are still decided locally, without waiting on the store.
   * @defaultValue none (a purely local breaker)
   */
  store?: BreakerStore;
}

const OWNER = "circuitBreaker";

const KEYS = [
  "name",
  "failureThreshold",
  "strategy",
  "recoveryTimeoutMs",
  "halfOpenMaxCalls",
  "successThreshold",
  "maxHalfOpenMs",
  "slowCallMs",
  "isFailure",
  "clock",
  "initialState",
  "store",
] as const satisfies readonly (keyof CircuitBreakerOptions)[];

const STRATEGY_KEYS = {
  consecutive: ["kind", "threshold"],
  count: ["kind", "windowSize", "failureRate", "minimumCalls"],
  time: ["kind", "windowMs", "buckets", "failureRate", "minimumCalls"],
} as const;

/** Checks `options` and fills in defaults; throws a `ConfigError` naming a bad option. */
export const resolveBreakerOptions = (options: CircuitBreakerOptions): ResolvedBreakerOptions => {
  checkKeys(OWNER, options, KEYS);
  const recoveryTimeoutMs = checkNumber(
    OWNER,
    "recoveryTimeoutMs",
    options.recoveryTimeoutMs,
    60_000,
  );
  const maxHalfOpenMs = checkLimit(OWNER, "maxHalfOpenMs", options.maxHalfOpenMs);
  return {
    name: options.name ?? "circuit-breaker",
    recoveryTimeoutMs,
    halfOpenMaxCalls: checkInteger(OWNER, "halfOpenMaxCalls", options.halfOpenMaxCalls, 1),
    successThreshold: checkInteger(OWNER, "successThreshold", options.successThreshold, 1),
    maxHalfOpenMs,
    probeLeaseMs: Number.isFinite(maxHalfOpenMs) ? maxHalfOpenMs : Math.max(1, recoveryTimeoutMs),
    slowCallMs: checkNumber(OWNER, "slowCallMs", options.slowCallMs, Infinity),
    isFailure: toErrorPredicate(OWNER, "isFailure", options.isFailure, () => true),
    clock: options.clock ?? systemClock,
    rule: createRule(options),
  };
};

const createRule = (options: CircuitBreakerOptions): BreakingRule => {
  const strategy = options.strategy ?? {
    kind: "consecutive",
    threshold: checkInteger(OWNER, "failureThreshold", options.failureThreshold, 5),
  };
  const at = (key: string): string => `strategy.${key}`;
  const keys = (STRATEGY_KEYS as Record<string, readonly string[] | undefined>)[strategy.kind];
  if (keys !== undefined) checkKeys(`${OWNER} strategy`, strategy, keys);
  switch (strategy.kind) {
    case "consecutive":
      return new ConsecutiveRule(checkInteger(OWNER, at("threshold"), strategy.threshold, 5));
    case "count": {
      const size = checkInteger(OWNER, at("windowSize"), strategy.windowSize, undefined);
      const min = checkInteger(OWNER, at("minimumCalls"), strategy.minimumCalls, size);
      return new CountWindowRule(
        size,
        checkRate(OWNER, at("failureRate"), strategy.failureRate),
        min,
      );
    }
    case "time": {
      const windowMs = checkNumber(OWNER, at("windowMs"), strategy.windowMs, undefined, 1);
      const buckets = checkInteger(OWNER, at("buckets"), strategy.buckets, 10);
      const rate = checkRate(OWNER, at("failureRate"), strategy.failureRate);
      const min = checkInteger(OWNER, at("minimumCalls"), strategy.minimumCalls, undefined);
      return new TimeWindowRule(windowMs, buckets, rate, min);
    }
    default:
      return badOption(
        OWNER,
        "strategy.kind",
        '"consecutive", "count" or "time"',
        kindOf(strategy),
      );
  }
};

const kindOf = (strategy: unknown): unknown =>
  typeof strategy === "object" && strategy !== null
    ? (strategy as { kind?: unknown }).kind
    : strategy;
