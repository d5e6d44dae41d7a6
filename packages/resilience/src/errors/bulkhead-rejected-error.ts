import { PeakTradeError, type PeakErrorOptions } from "@peak/errors";
import { brandFor, hasBrand, setBrand } from "../shared/brand";

const brand = brandFor("BulkheadRejectedError");

/** Why a bulkhead refused a call: no slot and a full queue, or the queue wait ran out. */
export type BulkheadRejectReason = "full" | "queue-timeout";

/** Options of a {@link BulkheadRejectedError}. */
export interface BulkheadRejectedErrorOptions extends PeakErrorOptions {
  /** Name of the bulkhead that refused the call. */
  bulkheadName: string;
  /** Why it refused. */
  reason: BulkheadRejectReason;
  /** The bulkhead's `maxConcurrent`. */
  maxConcurrent: number;
  /** The bulkhead's `maxQueue`. */
  maxQueue: number;
}

/**
 * A bulkhead refused a call without running it: every slot was busy and the queue full
 * (`reason: "full"`), or the call waited `queueTimeoutMs` in the queue (`"queue-timeout"`).
 *
 * It is **not retryable** by default: a bulkhead sheds load, and retrying shed calls at once
 * adds the load back. `context` carries `bulkhead`, `reason`, `maxConcurrent` and `maxQueue`.
 * To keep rejection cheap, a bulkhead builds one such error per reason, without a stack
 * trace, and gives it to every caller it refuses.
 *
 * @example
 * ```ts
 * const candles = await bulkhead.execute(fetchCandles).catch((error: unknown) => {
 *   if (isBulkheadRejectedError(error)) return cachedCandles();
 *   throw error;
 * });
 * ```
 */
export class BulkheadRejectedError extends PeakTradeError {
  override readonly code = "BULKHEAD_FULL" as const;
  /** Name of the bulkhead that refused the call. */
  readonly bulkheadName: string;
  /** Why it refused. */
  readonly reason: BulkheadRejectReason;

  constructor(message: string, options: BulkheadRejectedErrorOptions) {
    const { bulkheadName, reason, maxConcurrent, maxQueue, ...rest } = options;
    super(message, {
      ...rest,
      context: { ...rest.context, bulkhead: bulkheadName, reason, maxConcurrent, maxQueue },
    });
    this.bulkheadName = bulkheadName;
    this.reason = reason;
    setBrand(this, brand);
  }

  /** True for any `BulkheadRejectedError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is BulkheadRejectedError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link BulkheadRejectedError.isInstance}. */
export const isBulkheadRejectedError = (value: unknown): value is BulkheadRejectedError =>
  BulkheadRejectedError.isInstance(value);
