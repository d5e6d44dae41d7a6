import { brandFor, hasBrand, setBrand } from "./brand";
import { PeakTradeError, type PeakErrorOptions } from "./peak-trade-error";

const brand = brandFor("CacheCorruptionError");

/**
 * A cache file cannot be trusted: checksum mismatch, missing sidecar or unparsable content.
 * `context` carries the path and the expected and actual digests.
 *
 * @example
 * ```ts
 * throw new CacheCorruptionError("Checksum mismatch", {
 *   hint: "Delete the file and rebuild the cache entry",
 *   context: { path: "bars.parquet", expected: "ab12…", actual: "ff00…" },
 * });
 * ```
 */
export class CacheCorruptionError extends PeakTradeError {
  override readonly code = "CACHE_CORRUPTION" as const;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, options);
    setBrand(this, brand);
  }

  /** True for any `CacheCorruptionError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is CacheCorruptionError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link CacheCorruptionError.isInstance}. */
export const isCacheCorruptionError = (value: unknown): value is CacheCorruptionError =>
  CacheCorruptionError.isInstance(value);
