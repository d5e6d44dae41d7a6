import { PeakTradeError, type PeakErrorOptions } from "@peak/errors";
import { brandFor, hasBrand, setBrand } from "../shared/brand";

const brand = brandFor("RetryExhaustedError");

/**
 * Why a retry policy stopped: every attempt used, an error it must not retry, the caller's
 * signal aborted, the overall deadline reached, or the provider asked for a longer wait than
 * the policy may make (`maxRetryAfterMs` or the deadline; `context.retryAfterMs` says how long).
 */
export type RetryStopReason =
  | "max-attempts"
  | "not-retryable"
  | "aborted"
  | "deadline"
  | "retry-after";

/** Options of a {@link RetryExhaustedError}. */
export interface RetryExhaustedErrorOptions extends PeakErrorOptions {
  /** Why the policy stopped. */
  reason: RetryStopReason;
  /** Every attempt's error, oldest first. */
  errors: readonly unknown[];
}

/**
 * A retry policy gave up. Keeps every attempt's error (`errors`), the last one
 * (`lastError`, also the `cause`), the number of attempts made and the `reason`.
 * Not retryable itself.
 *
 * @example
 * ```ts
 * if (isRetryExhaustedError(error) && error.reason === "max-attempts") log(error.errors);
 * ```
 */
export class RetryExhaustedError extends PeakTradeError {
  override readonly code = "RETRY_EXHAUSTED" as const;
  /** Why the policy stopped. */
  readonly reason: RetryStopReason;
  /** Number of attempts that ran (calls of the function). */
  readonly attempts: number;
  /** Every attempt's error, oldest first (frozen). */
  readonly errors: readonly unknown[];
  /** The last attempt's error (or the abort reason if no attempt failed). */
  readonly lastError: unknown;

  constructor(message: string, options: RetryExhaustedErrorOptions) {
    const { reason, errors, ...rest } = options;
    const lastError = errors.length > 0 ? errors[errors.length - 1] : rest.cause;
    super(message, {
      cause: lastError,
      ...rest,
      retryable: false,
      context: { ...rest.context, reason, attempts: errors.length },
    });
    this.reason = reason;
    this.errors = Object.freeze([...errors]);
    this.attempts = errors.length;
    this.lastError = lastError;
    setBrand(this, brand);
  }

  /** True for any `RetryExhaustedError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is RetryExhaustedError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link RetryExhaustedError.isInstance}. */
export const isRetryExhaustedError = (value: unknown): value is RetryExhaustedError =>
  RetryExhaustedError.isInstance(value);
