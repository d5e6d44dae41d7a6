import { ProviderError, type ProviderErrorOptions } from "@peak/errors";
import { brandFor, hasBrand, setBrand } from "../shared/brand";

const brand = brandFor("TimeoutError");

/** Options of a {@link TimeoutError}. */
export interface TimeoutErrorOptions extends ProviderErrorOptions {
  /** The limit that was exceeded, in milliseconds. */
  timeoutMs: number;
}

/**
 * A call took longer than its {@link timeout} policy allowed; the call's `AbortSignal` was
 * aborted with this error as its reason. Retryable (a later attempt may be faster).
 *
 * @example
 * ```ts
 * await timeout(2_000).execute(({ signal }) => fetch(url, { signal })); // may throw TimeoutError
 * ```
 */
export class TimeoutError extends ProviderError {
  override readonly code = "TIMEOUT" as const;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, options: TimeoutErrorOptions) {
    const { timeoutMs, ...rest } = options;
    super(message, { ...rest, context: { ...rest.context, timeoutMs } });
    this.timeoutMs = timeoutMs;
    setBrand(this, brand);
  }

  /** True for any `TimeoutError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is TimeoutError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link TimeoutError.isInstance}. */
export const isTimeoutError = (value: unknown): value is TimeoutError =>
  TimeoutError.isInstance(value);
