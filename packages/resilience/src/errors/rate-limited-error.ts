import { ProviderError, type ProviderErrorOptions } from "@peak/errors";
import { brandFor, hasBrand, setBrand } from "../shared/brand";

const brand = brandFor("RateLimitedError");

/** Options of a {@link RateLimitedError}. */
export interface RateLimitedErrorOptions extends ProviderErrorOptions {
  /** Name of the limiter that refused the call. */
  limiterName: string;
  /** The budget key the call asked for (`undefined` for the limiter's default budget). */
  key: string | undefined;
  /** The weight the call asked for. */
  weight: number;
  /** How long until this weight could be admitted, in milliseconds. */
  retryAfterMs: number;
}

/**
 * A rate limiter refused a call without running it: admitting it would exceed the budget,
 * and waiting for room would take longer than the limiter's `maxWaitMs`.
 *
 * It is **retryable** (`retryable: true`) and carries `retryAfterMs`, the earliest time from
 * now at which the same weight could be admitted, so a retry around the limiter waits exactly
 * that long. `context` carries `limiter`, `key`, `weight` and `retryAfterMs`.
 *
 * @example
 * ```ts
 * try {
 *   await limiter.execute(placeOrder, { weight: 10 });
 * } catch (error) {
 *   if (isRateLimitedError(error)) scheduleLater(error.retryAfterMs);
 * }
 * ```
 */
export class RateLimitedError extends ProviderError {
  override readonly code = "RATE_LIMITED" as const;
  /** Name of the limiter that refused the call. */
  readonly limiterName: string;
  /** The budget key of the call (`undefined` for the default budget). */
  readonly key: string | undefined;
  /** The weight the call asked for. */
  readonly weight: number;
  /** How long until this weight could be admitted, in milliseconds. */
  declare readonly retryAfterMs: number;

  constructor(message: string, options: RateLimitedErrorOptions) {
    const { limiterName, key, weight, ...rest } = options;
    super(message, {
      ...rest,
      // Stryker disable next-line LogicalOperator: ProviderError defaults a missing `retryable` to true itself, so passing `undefined` on gives the same
      retryable: rest.retryable ?? true,
      context: {
        ...rest.context,
        limiter: limiterName,
        key: key ?? null,
        weight,
        retryAfterMs: rest.retryAfterMs,
      },
    });
    this.limiterName = limiterName;
    this.key = key;
    this.weight = weight;
    setBrand(this, brand);
  }

  /** True for any `RateLimitedError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is RateLimitedError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link RateLimitedError.isInstance}. */
export const isRateLimitedError = (value: unknown): value is RateLimitedError =>
  RateLimitedError.isInstance(value);
