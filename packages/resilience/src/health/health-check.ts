import { checkKeys } from "../shared/check-keys";
import type { CircuitBreaker } from "../breaker/breaker-api";
import { breakerHealthCheck } from "./breaker-health";
import { systemClock, type Clock } from "../time/clock";
import { toHealthJson, type HealthJson, type HealthJsonOptions } from "./health-json";
import { summarise } from "./health-summary";
import { Listeners } from "../shared/listeners";
import type {
  HealthCheckFn,
  HealthCheckOptions,
  HealthCheckResult,
  HealthReport,
} from "./health-types";
import { runHealthCheck, type CheckEntry } from "./run-health-check";
import { checkNumber } from "../shared/validate";

interface Slot extends CheckEntry {
  readonly cacheMs: number;
  last?: HealthCheckResult;
  lastAt: number;
  running?: Promise<HealthCheckResult> | undefined;
}

const CHECK_KEYS = ["timeoutMs", "critical", "cacheMs"];

/** Options of a {@link HealthCheck} registry. */
export interface HealthCheckRegistryOptions {
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
}

/**
 * A registry of named health checks. `run()` runs them concurrently, each bounded by its
 * timeout, and aggregates: a failing critical check gives `fail`, a failing non-critical
 * check or any `warn` gives `warn`, otherwise `pass` (also when empty).
 *
 * @example
 * ```ts
 * const health = new HealthCheck();
 * health.register("db", async ({ signal }) => db.ping({ signal }), { timeoutMs: 500, cacheMs: 5_000 });
 * health.registerBreaker(krakenBreaker, { critical: false });
 * response.status(healthHttpStatus((await health.run()).status)).json(await health.toHealthJson());
 * ```
 */
export class HealthCheck {
  private readonly slots = new Map<string, Slot>();
  private readonly clock: Clock;
  private readonly results = new Listeners<HealthCheckResult>();

  constructor(options: HealthCheckRegistryOptions = {}) {
    checkKeys("new HealthCheck", options, ["clock"]);
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Adds (or replaces) the check `name`.
   * @throws {@link ConfigError} for a bad option
   */
  register(name: string, fn: HealthCheckFn, options: HealthCheckOptions = {}): void {
    const owner = "HealthCheck.register";
    checkKeys(owner, options, CHECK_KEYS);
    this.slots.set(name, {
      name,
      fn,
      timeoutMs: checkNumber(owner, "timeoutMs", options.timeoutMs, 5_000),
      critical: options.critical ?? true,
      cacheMs: checkNumber(owner, "cacheMs", options.cacheMs, 0),
      lastAt: -Infinity,
    });
  }

  /** Registers a breaker as a check (closed: pass, half-open: warn, open: fail), named `circuit_breaker_<name>` unless given. */
  registerBreaker(
    breaker: CircuitBreaker,
    options: HealthCheckOptions & { name?: string } = {},
  ): void {
    const { name = `circuit_breaker_${breaker.name}`, ...rest } = options;
    this.register(name, breakerHealthCheck(breaker), rest);
  }

  /** Calls `listener` with every fresh result of a check (not cached answers); returns an unsubscribe function. */
  onResult(listener: (result: HealthCheckResult) => void): () => void {
    return this.results.add(listener);
  }

  /** Removes the check `name`; false if there was none. */
  unregister(name: string): boolean {
    return this.slots.delete(name);
  }

  /** Names of the registered checks, in registration order. */
  names(): string[] {
    return [...this.slots.keys()];
  }

  /** Removes every check. */
  clear(): void {
    this.slots.clear();
  }

  /** Runs every check concurrently (answering fresh cached results) and aggregates them. */
  async run(): Promise<HealthReport> {
    const results = await Promise.all([...this.slots.values()].map((slot) => this.result(slot)));
    return summarise(results, this.clock.now());
  }

  /** True unless a critical check fails (a `warn` is still healthy). */
  async isSystemHealthy(): Promise<boolean> {
    return (await this.run()).healthy;
  }

  /** Runs the checks and returns the `application/health+json` document. */
  async toHealthJson(options: HealthJsonOptions = {}): Promise<HealthJson> {
    return toHealthJson(await this.run(), options);
  }

  private result(slot: Slot): Promise<HealthCheckResult> {
    const age = this.clock.now() - slot.lastAt;
    if (slot.last !== undefined && slot.cacheMs > 0) {
      if (age >= slot.cacheMs) void this.refresh(slot);
      return Promise.resolve({ ...slot.last, cached: true });
    }
    return this.refresh(slot);
  }

  // One run at a time per check: concurrent callers share it.
  private refresh(slot: Slot): Promise<HealthCheckResult> {
    slot.running ??= runHealthCheck(slot, this.clock).then((result) => {
      slot.last = result;
      slot.lastAt = this.clock.now();
      slot.running = undefined;
      this.results.emit(result);
      return result;
    });
    return slot.running;
  }
}
