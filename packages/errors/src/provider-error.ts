import { brandFor, hasBrand, setBrand } from "./brand";
import { PeakTradeError, type PeakErrorOptions } from "./peak-trade-error";

const brand = brandFor("ProviderError");

/** Options of a {@link ProviderError}. */
export interface ProviderErrorOptions extends PeakErrorOptions {
  /**
   * Whether a retry may succeed (a timeout, a 503) or not (a bad API key).
   * `@peak/resilience` retries only retryable provider errors by default.
   * @defaultValue true
   */
  retryable?: boolean | undefined;
  /** How long the provider asked us to wait (an HTTP `Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined;
}

/**
 * A data or exchange provider failed: a timeout, a rate limit, a 5xx, a dropped connection.
 *
 * @example
 * ```ts
 * throw new ProviderError("Exchange answered 429", {
 *   retryAfterMs: 2_000,
 *   context: { provider: "kraken", endpoint: "/OHLC" },
 * });
 * ```
 */
export class ProviderError extends PeakTradeError {
  override readonly code: "PROVIDER" | "CIRCUIT_OPEN" | "TIMEOUT" | "RATE_LIMITED" = "PROVIDER";
  /** The delay the provider asked for before the next attempt, if any. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ProviderErrorOptions = {}) {
    super(message, { ...options, retryable: options.retryable ?? true });
    this.retryAfterMs = options.retryAfterMs;
    setBrand(this, brand);
  }

  /** True for any `ProviderError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is ProviderError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link ProviderError.isInstance}. */
export const isProviderError = (value: unknown): value is ProviderError =>
  ProviderError.isInstance(value);
