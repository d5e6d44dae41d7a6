import { fromArrow, toArrowIPC, type ColumnTable } from "arquero";
import { arrowTypesFor, badTimestamp } from "./arrow-types";
import { CacheCorruptionError, ConfigError, isConfigError } from "@peak/errors";
import { decodeParquet, encodeParquet, type ParquetCompression } from "./parquet-codec";
import { checkArrowStructure } from "./arrow-structure";
import { materialize } from "./materialize";
import { escapeControl } from "../shared/escape-text";

/** Options for turning a table into bytes. */
export interface EncodeTableOptions {
  format: "parquet" | "arrow";
  timestampColumns: readonly string[];
  compression: ParquetCompression;
}

/**
 * Encodes an arquero table as Arrow IPC (file format) or Parquet, with timestamp columns as
 * UTC instants (Arrow `Timestamp(ms, "UTC")`, Parquet `isAdjustedToUTC=true`).
 *
 * @throws {ConfigError} when a column cannot be encoded (e.g. text in a timestamp column).
 */
export const encodeTable = async (
  table: ColumnTable,
  path: string,
  options: EncodeTableOptions,
): Promise<Uint8Array> => {
  const types = arrowTypesFor(table, options.timestampColumns);
  const bad = badTimestamp(table, types);
  if (bad !== undefined) {
    throw new ConfigError(
      `Column \`${bad.column}\` holds ${bad.value} at row ${bad.row}, not a timestamp`,
      {
        hint: "Timestamp columns must hold epoch-ms numbers or Date objects (UTC instants)",
        context: { path, ...bad },
      },
    );
  }
  try {
    if (options.format === "arrow")
      return toArrowIPC(table, { format: "file", types: types as never });
    const ipc = toArrowIPC(table, { format: "stream", types: types as never });
    return await encodeParquet(ipc, options.compression);
  } catch (error) {
    if (isConfigError(error)) throw error;
    throw new ConfigError(`Cannot encode the table for ${path}`, {
      hint: "Timestamp columns must hold epoch-ms numbers or Date objects; other columns numbers, strings or booleans",
      context: { path, format: options.format, reason: String(error) },
      cause: error,
    });
  }
};

/**
 * Decodes Arrow IPC (file or stream) or Parquet bytes into an arquero table, checking the
 * structure first (footer, offsets, lengths, buffer bounds against the size) and reading every
 * value once, so damage fails here. Every timestamp column comes back as epoch-millisecond
 * numbers (`useDate: false`), or `Date`s with `dates: "date"`.
 *
 * @throws {CacheCorruptionError} when the bytes do not parse; `context.reason` says why.
 */
export const decodeTable = async (
  bytes: Uint8Array,
  path: string,
  format: "parquet" | "arrow",
  dates: "number" | "date",
): Promise<ColumnTable> => {
  try {
    const ipc = format === "arrow" ? bytes : await decodeParquet(bytes);
    checkArrowStructure(ipc);
    const table = fromArrow(ipc, { useDate: dates === "date" });
    materialize(table);
    return table;
  } catch (error) {
    const reason = escapeControl(String(error)).slice(0, 300);
    throw new CacheCorruptionError(`Cannot parse ${format} cache file ${escapeControl(path)}`, {
      hint: "The file is damaged or not " + format + "; delete it and rebuild the cache entry",
      context: { path, format, reason },
      cause: error,
    });
  }
};
