import { ConfigError } from "@peak/errors";
import { KeyBudget } from "./key-budget";
import type { RateLimitCounters } from "./rate-limit-counters";
import { readSnapshot } from "./rate-limit-snapshot";
import type { RateLimitAttempt } from "./rate-limiter-api";
import type { ResolvedRateLimiterOptions } from "./rate-limiter-options";
import { Rejection } from "./rejection";
import { Waiter } from "./waiter";

const MIN_SWEEP = 1_024;

/** The budgets of a limiter without a store, one per key; idle keys are dropped. */
export class LocalGate {
  readonly budgets = new Map<string, KeyBudget>();
  private sweepAt = MIN_SWEEP;

  private readonly options: ResolvedRateLimiterOptions;
  private readonly counters: RateLimitCounters;

  constructor(options: ResolvedRateLimiterOptions, counters: RateLimitCounters) {
    this.options = options;
    this.counters = counters;
  }

  /** Admits now (`undefined`), returns the wait for a slot, or the rejection beyond `maxWaitMs`. */
  acquire(
    weight: number,
    key: string | undefined,
    signal?: AbortSignal,
  ): Promise<void> | Rejection | undefined {
    const now = this.options.clock.now();
    const budget = this.budget(key ?? "", now);
    const again = budget.repeatRejection(weight, now, this.options.maxWaitMs);
    // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; without it the call reaches the same rejection (same weight and slot) through `rejection`, counted the same
    if (again !== undefined) {
      this.counters.reject(key, weight, again.slot - now);
      return again;
    }
    if (budget.tryNow(weight, now)) {
      this.counters.admit(key, weight, 0);
      return undefined;
    }
    const slot = budget.slotFor(weight, now);
    if (slot - now > this.options.maxWaitMs) return this.rejection(budget, key, weight, slot, now);
    const waiter = new Waiter({ weight, key, slot, now }, this.counters, budget, signal);
    budget.book(waiter);
    return waiter.promise;
  }

  /** Admits now if the weight fits and nobody waits ahead. */
  tryAcquire(weight: number, key: string | undefined): RateLimitAttempt {
    const now = this.options.clock.now();
    const budget = this.budget(key ?? "", now);
    if (budget.tryNow(weight, now)) {
      this.counters.admit(key, weight, 0);
      return { ok: true };
    }
    const retryAfterMs = budget.slotFor(weight, now) - now;
    this.counters.reject(key, weight, retryAfterMs);
    return { ok: false, retryAfterMs };
  }

  /** Counts a snapshot's admissions in the budgets (merged with what is already there). */
  restore(snapshot: unknown): void {
    const { name, intervalMs, capacity, clock } = this.options;
    const now = clock.now();
    for (const [key, entries] of readSnapshot(name, snapshot)) {
      const old = this.budgets.get(key);
      if (old !== undefined && old.waiters.length > 0) {
        throw new ConfigError(
          `Rate limiter "${name}" cannot restore key "${key}" while calls wait on it`,
          {
            hint: "Restore a snapshot right after creating the limiter, before any call",
            context: { limiter: name, key },
          },
        );
      }
      // Stryker disable next-line ArrayDeclaration: a non-entry in the fallback gets a NaN time, which the window filter drops
      const merged = [...(old?.log.admitted() ?? []), ...entries]
        .map(([time, weight]) => [Math.min(time, now), weight] as const)
        .filter(([time]) => time + intervalMs > now)
        .sort((a, b) => a[0] - b[0]);
      const budget = new KeyBudget(capacity, intervalMs, clock);
      for (const [time, weight] of merged) budget.log.push(time, weight, true);
      this.budgets.set(key, budget);
    }
  }

  // One rejection per budget, weight and slot: a burst of refused calls builds its error once.
  private rejection(
    budget: KeyBudget,
    key: string | undefined,
    weight: number,
    slot: number,
    now: number,
  ): Rejection {
    const counters = this.counters;
    const last = budget.rejectionFor(weight, slot);
    if (last !== undefined) counters.reject(key, weight, slot - now);
    const rejection =
      last ??
      new Rejection(
        counters.rejection(key, weight, slot - now),
        weight,
        slot,
        this.options.clock,
        (ms) => counters.hint(ms),
      );
    budget.rejected(rejection);
    return rejection;
  }

  private budget(key: string, now: number): KeyBudget {
    let budget = this.budgets.get(key);
    if (budget === undefined) {
      if (this.budgets.size >= this.sweepAt) this.sweep(now);
      budget = new KeyBudget(this.options.capacity, this.options.intervalMs, this.options.clock);
      this.budgets.set(key, budget);
    }
    return budget;
  }

  // Drops idle budgets; runs when the table doubled since the last sweep, so it costs O(1) per call.
  private sweep(now: number): void {
    for (const [key, budget] of this.budgets) if (budget.idle(now)) this.budgets.delete(key);
    this.sweepAt = Math.max(MIN_SWEEP, this.budgets.size * 2);
  }
}
