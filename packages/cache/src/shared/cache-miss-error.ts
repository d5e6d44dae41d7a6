import { PeakTradeError, type PeakErrorOptions } from "@peak/errors";

const brand = Symbol.for("@peak/cache/CacheMissError");

/**
 * The cache file does not exist (yet): build it. Not a corruption. `context.path` names it.
 * Its `code` is `"CACHE_MISS"`; {@link CacheMissError.isInstance} also works across copies.
 *
 * @example
 * ```ts
 * const table = await atomicRead("cache/bars.parquet").catch((error: unknown) => {
 *   if (CacheMissError.isInstance(error)) return rebuild();
 *   throw error;
 * });
 * ```
 */
export class CacheMissError extends PeakTradeError {
  override readonly code = "CACHE_MISS" as const;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true, enumerable: false });
  }

  /** True for any `CacheMissError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is CacheMissError {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as Record<symbol, unknown>)[brand] === true
    );
  }
}
