import { ProviderError, type ProviderErrorOptions } from "@peak/errors";
import { brandFor, hasBrand, setBrand } from "../shared/brand";

const brand = brandFor("CircuitOpenError");

/** Options of a {@link CircuitOpenError}. */
export interface CircuitOpenErrorOptions extends ProviderErrorOptions {
  /** Name of the breaker that rejected the call. */
  breakerName: string;
  /** The breaker's state at rejection: open, or half-open with every probe slot taken. */
  state: "open" | "half-open";
  /** Epoch milliseconds when the next probe is allowed; `null` while isolated or probing. */
  nextAttemptAt: number | null;
}

/**
 * A circuit breaker rejected a call without running it.
 *
 * It is **not retryable** (`retryable: false`): a retry policy wrapped around a breaker gives
 * up at once instead of hammering an open circuit. `retryAfterMs` still says how long until
 * the next probe is allowed, for callers that want to wait. `context` carries `breaker`,
 * `state` and `nextAttemptAt`. To keep rejection cheap, a breaker builds one such error per
 * open period (or half-open round) without a stack trace and gives it to every caller it
 * rejects in that period; its `retryAfterMs` is a live getter.
 *
 * @example
 * ```ts
 * try {
 *   await breaker.execute(fetchQuotes);
 * } catch (error) {
 *   if (isCircuitOpenError(error)) serveFromCache(error.retryAfterMs);
 * }
 * ```
 */
export class CircuitOpenError extends ProviderError {
  override readonly code = "CIRCUIT_OPEN" as const;
  /** Name of the breaker that rejected the call. */
  readonly breakerName: string;
  /** The breaker's state at rejection. */
  readonly state: "open" | "half-open";
  /** Epoch milliseconds when the next probe is allowed, or `null` if unknown. */
  readonly nextAttemptAt: number | null;

  constructor(message: string, options: CircuitOpenErrorOptions) {
    const { breakerName, state, nextAttemptAt, ...rest } = options;
    super(message, {
      ...rest,
      retryable: rest.retryable ?? false,
      context: { ...rest.context, breaker: breakerName, state, nextAttemptAt },
    });
    this.breakerName = breakerName;
    this.state = state;
    this.nextAttemptAt = nextAttemptAt;
    setBrand(this, brand);
  }

  /** True for any `CircuitOpenError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is CircuitOpenError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link CircuitOpenError.isInstance}. */
export const isCircuitOpenError = (value: unknown): value is CircuitOpenError =>
  CircuitOpenError.isInstance(value);
