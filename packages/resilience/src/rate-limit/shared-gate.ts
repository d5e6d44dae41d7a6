import { AbortScope } from "../shared/abort-scope";
import { abortReason, sleep } from "../time/sleep";
import type { RateLimitCounters } from "./rate-limit-counters";
import type { RateLimitStore, RateLimitTakeRequest } from "./rate-limit-store";
import type { RateLimitAttempt } from "./rate-limiter-api";
import type { ResolvedRateLimiterOptions } from "./rate-limiter-options";

const ignore = (): void => {};

/** The budget of a limiter with a store: every decision is the store's. */
export class SharedGate {
  readonly store: RateLimitStore;
  private readonly options: ResolvedRateLimiterOptions;
  private readonly counters: RateLimitCounters;

  constructor(
    options: ResolvedRateLimiterOptions,
    counters: RateLimitCounters,
    store: RateLimitStore,
  ) {
    this.options = options;
    this.counters = counters;
    this.store = store;
  }

  /** Resolves once the store admitted `weight` and its wait is over; rejects as the local gate does. */
  async acquire(weight: number, key: string | undefined, signal?: AbortSignal): Promise<void> {
    const request = this.request(weight, key, this.options.maxWaitMs);
    const start = this.options.clock.now();
    const result = await this.store.take(request);
    if (!result.ok) throw this.counters.rejection(key, weight, result.retryAfterMs);
    if (signal?.aborted) return this.giveBack(request, result.waitMs, signal);
    if (result.waitMs > 0) {
      this.counters.queued += 1;
      try {
        await sleep(this.options.clock, result.waitMs, AbortScope.create([signal]));
      } catch (error) {
        void this.store.refund(request).catch(ignore);
        throw error;
      } finally {
        this.counters.queued -= 1;
      }
    }
    this.counters.admit(key, weight, this.options.clock.now() - start);
  }

  /** Asks the store for `weight` now (never waiting). */
  async tryAcquire(weight: number, key: string | undefined): Promise<RateLimitAttempt> {
    const request = this.request(weight, key, 0);
    const result = await this.store.take(request);
    if (result.ok && result.waitMs <= 0) {
      this.counters.admit(key, weight, 0);
      return { ok: true };
    }
    if (result.ok) void this.store.refund(request).catch(ignore);
    const retryAfterMs = result.ok ? result.waitMs : result.retryAfterMs;
    this.counters.reject(key, weight, retryAfterMs);
    return { ok: false, retryAfterMs };
  }

  private giveBack(request: RateLimitTakeRequest, waitMs: number, signal: AbortSignal): never {
    if (waitMs > 0) void this.store.refund(request).catch(ignore);
    throw abortReason(signal);
  }

  private request(
    weight: number,
    key: string | undefined,
    maxWaitMs: number,
  ): RateLimitTakeRequest {
    const { name, limit, intervalMs, burst } = this.options;
    return { key: `${name}:${key ?? ""}`, weight, limit, intervalMs, burst, maxWaitMs };
  }
}
