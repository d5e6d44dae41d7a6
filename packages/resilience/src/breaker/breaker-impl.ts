import { BreakerCounters, classifyError } from "./breaker-counters";
import type { CallOutcome } from "./call-outcome";
import { BreakerMachine } from "./breaker-machine";
import { resolveBreakerOptions, type CircuitBreakerOptions } from "./breaker-options";
import { restoreSnapshot, saveSnapshot, type CircuitBreakerSnapshot } from "./breaker-snapshot";
import { breakerStats, Rejections, type Rejection } from "./breaker-report";
import { attachStore } from "./store/breaker-remote";
import type { BreakerStoreBinding } from "./store/breaker-store";
import type {
  CircuitBreakerStats,
  CircuitState,
  OutcomeEvent,
  StateChangeEvent,
} from "./circuit-state";
import { Listeners } from "../shared/listeners";
import { contextFor } from "../shared/never-signal";
import type { CircuitBreaker } from "./breaker-api";
import type { ExecuteContext, ExecuteResult } from "../shared/policy";
import { abortReason } from "../time/sleep";
import { rejectSoon, toResult } from "../shared/to-result";

/** The breaker behind `circuitBreaker()`. */
export class Breaker implements CircuitBreaker {
  private readonly machine: BreakerMachine;
  private readonly outcomes = new Listeners<OutcomeEvent>();
  private readonly timed: boolean;
  private readonly counts = new BreakerCounters();
  private readonly rejections: Rejections;
  private readonly binding: BreakerStoreBinding | undefined;
  // When the call just admitted started; read by execute right after admit().
  private admittedAt = 0;

  constructor(options: CircuitBreakerOptions) {
    this.machine = new BreakerMachine(resolveBreakerOptions(options));
    this.timed = this.machine.options.slowCallMs !== Infinity || options.strategy?.kind === "time";
    if (options.initialState !== undefined) restoreSnapshot(this.machine, options.initialState);
    this.rejections = new Rejections(this.machine);
    this.binding = options.store && attachStore(options.store, this, this.machine);
  }

  get name(): string {
    return this.machine.options.name;
  }

  get state(): CircuitState {
    if (this.machine.state.kind !== "closed")
      this.machine.refresh(this.machine.options.clock.now());
    return this.machine.state.kind;
  }

  get stats(): CircuitBreakerStats {
    return breakerStats(this, this.machine, this.counts);
  }

  execute<T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const generation = this.admit();
    return generation < 0
      ? rejectSoon(this.reject().error)
      : this.run(fn, signal, generation, this.admittedAt);
  }

  tryExecute<T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<ExecuteResult<T>> {
    if (signal?.aborted) return Promise.resolve({ ok: false, error: abortReason(signal) });
    const generation = this.admit();
    return generation < 0
      ? Promise.resolve(this.reject())
      : toResult(this.run(fn, signal, generation, this.admittedAt));
  }

  wrap<A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>): (...args: A) => Promise<T> {
    return (...args) => this.execute(() => fn(...args));
  }

  reset(): void {
    this.machine.reset(this.machine.options.clock.now());
  }

  isolate(): () => void {
    return this.machine.isolate(this.machine.options.clock.now());
  }

  toJSON(): CircuitBreakerSnapshot {
    return saveSnapshot(this.machine, this.machine.options.clock.now());
  }

  onStateChange(listener: (event: StateChangeEvent) => void): () => void {
    return this.machine.changes.add(listener);
  }

  onOutcome(listener: (event: OutcomeEvent) => void): () => void {
    return this.outcomes.add(listener);
  }

  private async run<T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal: AbortSignal | undefined,
    generation: number,
    start: number,
  ): Promise<T> {
    const timed = this.timed || this.outcomes.active;
    let value: T;
    try {
      value = await fn(contextFor(signal));
    } catch (error) {
      const outcome = classifyError(error, signal, this.machine.options.isFailure);
      this.settle(generation, outcome, start, timed, error);
      throw error;
    }
    this.settle(generation, "success", start, timed, undefined);
    return value;
  }

  private settle(
    generation: number,
    outcome: CallOutcome,
    start: number,
    timed: boolean,
    error: unknown,
  ): void {
    const machine = this.machine;
    const needsNow = timed || outcome !== "success" || machine.state.kind !== "closed";
    const now = needsNow ? machine.options.clock.now() : 0;
    const slow = outcome === "success" && now - start >= machine.options.slowCallMs;
    const counted: CallOutcome = slow ? "failure" : outcome;
    this.counts.record(counted, slow, now);
    // Outcome listeners hear the outcome before any state change it causes.
    const current = this.outcomes.active
      ? this.report(generation, counted, slow, now, start, error)
      : machine.complete(generation, counted, now, start);
    if (!current) this.counts.stale += 1;
    else if (counted !== "success" && this.binding !== undefined) this.binding.outcome(counted);
  }

  private report(
    generation: number,
    type: CallOutcome,
    slow: boolean,
    now: number,
    start: number,
    error: unknown,
  ): boolean {
    const machine = this.machine;
    const stale = !machine.isCurrent(generation, now, start);
    const durationMs = now - start;
    this.outcomes.emit({ breaker: this.name, type, slow, stale, durationMs, error });
    return machine.complete(generation, type, now, start);
  }

  // The generation a new call runs in, or -1 to reject it; sets `admittedAt` (the clock is
  // read only when needed: the breaker is not closed, or durations are measured).
  private admit(): number {
    const machine = this.machine;
    if (machine.state.kind === "closed") {
      this.admittedAt = this.timed || this.outcomes.active ? machine.options.clock.now() : 0;
      return machine.generation;
    }
    const now = machine.options.clock.now();
    this.admittedAt = now;
    return machine.admit(now);
  }

  private reject(): Rejection {
    this.counts.rejections += 1;
    const rejection = this.rejections.get();
    // Stryker disable next-line ConditionalExpression: emitting to an empty listener list does nothing; the test only skips building the event
    if (this.outcomes.active) {
      const { error } = rejection;
      const event = { type: "rejected", slow: false, stale: false, durationMs: undefined } as const;
      this.outcomes.emit({ breaker: this.name, ...event, error });
    }
    return rejection;
  }
}
