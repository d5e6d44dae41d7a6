import type { ColumnTable } from "arquero";
import { ConfigError } from "@peak/errors";
import { atomicRead, type AtomicReadOptions } from "./atomic-read";
import { resolveFormat } from "../codec/table-types";

/**
 * {@link atomicRead} typed for tables: reads a `.parquet` / `.arrow` file (or `format:
 * "parquet" | "arrow"`) into an arquero table whose timestamp columns hold epoch-ms numbers.
 *
 * @example
 * ```ts
 * const bars = await atomicReadTable(join(dir, "bars.parquet"), { verifyChecksum: true });
 * const ts = bars.array("timestamp"); // epoch ms (UTC)
 * ```
 * @throws {ConfigError} when the path or `format` means raw bytes.
 * @throws {CacheCorruptionError} / {CacheMissError} as {@link atomicRead}.
 */
export const atomicReadTable = async (
  path: string,
  options: AtomicReadOptions = {},
): Promise<ColumnTable> => {
  const format = resolveFormat(String(path), options.format);
  if (format === "bytes") {
    throw new ConfigError(`atomicReadTable needs a table format for ${path}`, {
      hint: 'Use a .parquet or .arrow path, or pass format: "parquet" | "arrow"',
      context: { path: String(path), format },
    });
  }
  return atomicRead(path, { ...options, format });
};
