import type { ColumnTable } from "arquero";
import type { ParquetCompression } from "./parquet-codec";
import { decodeTable, encodeTable } from "./table-codec";
import { rejectUnknownOptions } from "../shared/known-options";

/**
 * Encodes a table in memory exactly as {@link atomicWrite} would store it: Parquet or Arrow IPC
 * (file format), timestamp columns as UTC instants.
 *
 * @example
 * ```ts
 * const bytes = await tableToBytes(bars, "parquet");
 * ```
 * @throws {ConfigError} when a column cannot be encoded (e.g. text in a timestamp column).
 */
export const tableToBytes = (
  table: ColumnTable,
  format: "parquet" | "arrow",
  options: { timestampColumns?: readonly string[]; compression?: ParquetCompression } = {},
): Promise<Uint8Array> => {
  rejectUnknownOptions(options, ["timestampColumns", "compression"], "tableToBytes");
  return encodeTable(table, "(in memory)", {
    format,
    timestampColumns: options.timestampColumns ?? ["timestamp"],
    compression: options.compression ?? "snappy",
  });
};

/**
 * Decodes Parquet or Arrow IPC bytes as {@link atomicRead} does: timestamp columns come back as
 * epoch-ms numbers (or `Date`s with `dates: "date"`).
 *
 * @throws {CacheCorruptionError} when the bytes do not parse.
 */
export const tableFromBytes = (
  bytes: Uint8Array,
  format: "parquet" | "arrow",
  options: { dates?: "number" | "date" } = {},
): Promise<ColumnTable> => {
  rejectUnknownOptions(options, ["dates"], "tableFromBytes");
  return decodeTable(bytes, "(in memory)", format, options.dates ?? "number");
};
