import { RateLimitedError } from "../errors/rate-limited-error";
import { Listeners } from "../shared/listeners";
import type { RateLimitEvent } from "./rate-limiter-api";
import type { ResolvedRateLimiterOptions } from "./rate-limiter-options";

/** A limiter's counters and event listeners; `queued` and `keys` are kept by the gates. */
export class RateLimitCounters {
  acquired = 0;
  acquiredWeight = 0;
  rejected = 0;
  rejectedWeight = 0;
  queued = 0;
  readonly listeners = new Listeners<RateLimitEvent>();

  private readonly options: ResolvedRateLimiterOptions;

  constructor(options: ResolvedRateLimiterOptions) {
    this.options = options;
  }

  /** Counts an admission after `waitMs`. */
  admit(key: string | undefined, weight: number, waitMs: number): void {
    this.acquired += 1;
    this.acquiredWeight += weight;
    // Stryker disable next-line ConditionalExpression: emitting to an empty listener list does nothing, so always emitting is equivalent; never emitting is killed by the event tests
    if (this.listeners.active) this.listeners.emit({ type: "acquired", key, weight, waitMs });
  }

  /** Counts a rejection. */
  reject(key: string | undefined, weight: number, retryAfterMs: number): void {
    this.rejected += 1;
    this.rejectedWeight += weight;
    // Stryker disable next-line ConditionalExpression: emitting to an empty listener list does nothing, so always emitting is equivalent; never emitting is killed by the event tests
    if (this.listeners.active) this.listeners.emit({ type: "rejected", key, weight, retryAfterMs });
  }

  /** Counts a rejection and builds its error (with the stack of the refused call). */
  rejection(key: string | undefined, weight: number, retryAfterMs: number): RateLimitedError {
    this.reject(key, weight, retryAfterMs);
    const name = this.options.name;
    return new RateLimitedError(`Rate limiter "${name}" is out of budget`, {
      limiterName: name,
      key,
      weight,
      retryAfterMs,
      hint: this.hint(retryAfterMs),
    });
  }

  /** The hint of a rejection whose weight fits again in `retryAfterMs`. */
  hint(retryAfterMs: number): string {
    const { maxWaitMs } = this.options;
    const ms = Math.ceil(retryAfterMs);
    return maxWaitMs > 0
      ? `Room in ${ms} ms, beyond maxWaitMs ${maxWaitMs}: retry later, or raise maxWaitMs to queue`
      : `Room in ${ms} ms: retry then, or set maxWaitMs to queue`;
  }
}
