import { brandFor, hasBrand, setBrand } from "./brand";
import { PeakTradeError, type PeakErrorOptions } from "./peak-trade-error";

const brand = brandFor("BacktestInvariantError");

/**
 * A backtest broke an invariant that must always hold (equity is NaN, a position exceeds
 * its limit…). `context` says at which bar.
 *
 * @example
 * ```ts
 * throw new BacktestInvariantError("Equity is NaN", { context: { bar: 1042 } });
 * ```
 */
export class BacktestInvariantError extends PeakTradeError {
  override readonly code = "BACKTEST_INVARIANT" as const;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, options);
    setBrand(this, brand);
  }

  /** True for any `BacktestInvariantError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is BacktestInvariantError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link BacktestInvariantError.isInstance}. */
export const isBacktestInvariantError = (value: unknown): value is BacktestInvariantError =>
  BacktestInvariantError.isInstance(value);
