import { PeakTradeError, type PeakErrorOptions } from "@peak/errors";

const brand = Symbol.for("@peak/cache/CacheWriteError");

/**
 * A cache file could not be written: full disk, short write, failed fsync, permission error,
 * lock timeout. The previous file and its sidecar are left untouched. `context` carries the
 * `path` and, for file-system failures, the errno `errorCode` (for example `"ENOSPC"`).
 *
 * Its `code` is `"CACHE_WRITE"`; {@link CacheWriteError.isInstance} also recognises it across
 * duplicate installs.
 *
 * @example
 * ```ts
 * try {
 *   await atomicWrite(bytes, "cache/bars.bin", { checksum: true });
 * } catch (error) {
 *   if (CacheWriteError.isInstance(error)) console.error(error.context.errorCode);
 * }
 * ```
 */
export class CacheWriteError extends PeakTradeError {
  override readonly code = "CACHE_WRITE" as const;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true, enumerable: false });
  }

  /** True for any `CacheWriteError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is CacheWriteError {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as Record<symbol, unknown>)[brand] === true
    );
  }
}

/** Reads the errno code (`"ENOSPC"`, `"EACCES"`…) of a Node file-system error, if any. */
export const errnoCode = (error: unknown): string | undefined => {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
};
