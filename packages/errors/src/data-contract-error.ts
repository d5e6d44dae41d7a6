import { brandFor, hasBrand, setBrand } from "./brand";
import { PeakTradeError, type PeakErrorOptions } from "./peak-trade-error";

const brand = brandFor("DataContractError");

/**
 * Data broke its contract: a missing column, a NaN price, unsorted timestamps…
 * `context` says where (column, rows, violations).
 *
 * @example
 * ```ts
 * throw new DataContractError("Column `close` is missing", {
 *   hint: "Rename the price column to `close`",
 *   context: { column: "close" },
 * });
 * ```
 */
export class DataContractError extends PeakTradeError {
  override readonly code = "DATA_CONTRACT" as const;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, options);
    setBrand(this, brand);
  }

  /** True for any `DataContractError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is DataContractError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link DataContractError.isInstance}. */
export const isDataContractError = (value: unknown): value is DataContractError =>
  DataContractError.isInstance(value);
