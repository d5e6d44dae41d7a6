import type { ColumnTable } from "arquero";
import { ipcBytes, passthroughColumns, toFlechette } from "./arrow-encode";
import { pandasMetadata } from "./pandas-metadata";
import { arrowTypesFor, badTimestamp } from "./arrow-types";
import { CacheCorruptionError, ConfigError, escapeControl, isConfigError } from "@peak/errors";
import { decodeParquet, encodeParquet, type ParquetCompression } from "./parquet-codec";
import { checkArrowStructure } from "./arrow-structure";
import { StructureError } from "./flatbuffer-view";
import { arrowToTable } from "./arrow-table";
import { pandasNaiveColumns } from "./naive-timestamps";
import { directColumns } from "./direct/direct-columns";
import { encodeParquetDirect } from "./direct/direct-encode";
import { readParquetDirect } from "./direct/parquet-direct-read";
import { checkParquetStructure } from "./parquet-structure";

// Float (3) and timestamp (10) columns: values rarely repeat, dictionaries do not pay.
const plainColumnNames = (arrow: ReturnType<typeof toFlechette>): string[] =>
  (arrow.schema.fields as unknown as Array<{ name: string; type: { typeId: number } }>)
    .filter((field) => field.type.typeId === 3 || field.type.typeId === 10)
    .map((field) => field.name);

/** Options for turning a table into bytes. */
export interface EncodeTableOptions {
  format: "parquet" | "arrow";
  timestampColumns: readonly string[];
  compression: ParquetCompression;
}

/**
 * Encodes an arquero table as Arrow IPC (file format) or Parquet, with timestamp columns as
 * UTC instants (Arrow `Timestamp(ms, "UTC")`, Parquet `isAdjustedToUTC=true`). Columns read by
 * `atomicRead` and not changed are written as they were (µs/ns units, zones, int64 kept); Parquet
 * files carry pandas metadata that makes a zoned `timestamp` column pandas' index.
 *
 * @throws {ConfigError} when a column cannot be encoded (e.g. text in a timestamp column).
 */
export const encodeTable = async (
  table: ColumnTable,
  path: string,
  options: EncodeTableOptions,
): Promise<Uint8Array> => {
  if (options.format === "parquet" && options.compression !== "zstd") {
    // Typed-array columns go straight to Parquet pages, skipping arquero → Arrow → parquet-wasm.
    const direct = directColumns(table, options.timestampColumns);
    if (direct !== undefined) {
      return encodeParquetDirect(direct, table.numRows(), options.compression);
    }
  }
  const keep = passthroughColumns(table);
  const types = arrowTypesFor(table, options.timestampColumns);
  for (const name of keep.keys()) delete types[name];
  const bad = badTimestamp(table, types);
  if (bad !== undefined) {
    throw new ConfigError(
      `Column \`${bad.column}\` holds ${bad.value} at row ${bad.row}, not a timestamp`,
      {
        hint: "Timestamp columns must hold whole epoch-ms numbers or Date objects (UTC instants); zone-less text read from a file needs a zone first",
        context: { path, ...bad },
      },
    );
  }
  try {
    const arrow = toFlechette(table, types, keep);
    if (options.format === "arrow") return ipcBytes(arrow, "file");
    const pandas = pandasMetadata(arrow);
    // pyarrow takes pandas metadata from the embedded Arrow schema, so it goes there too.
    if (pandas !== undefined)
      (arrow.schema as { metadata: unknown }).metadata = new Map([["pandas", pandas]]);
    return await encodeParquet(
      ipcBytes(arrow, "stream"),
      options.compression,
      pandas === undefined ? undefined : new Map([["pandas", pandas]]),
      plainColumnNames(arrow),
    );
  } catch (error) {
    if (isConfigError(error)) throw error;
    throw new ConfigError(`Cannot encode the table for ${escapeControl(path)}`, {
      hint: "Timestamp columns must hold epoch-ms numbers or Date objects; other columns numbers, strings or booleans",
      context: { path, format: options.format, reason: escapeControl(String(error)).slice(0, 300) },
      cause: error,
    });
  }
};

// How to make a sound file this reader cannot read into one it can.
const UNSUPPORTED_HINT = {
  arrow:
    'write it uncompressed (pyarrow: feather.write_feather(df, path, compression="uncompressed")) or as Parquet',
  parquet: "rewrite it as one self-contained Parquet file",
} as const;

/**
 * Decodes Arrow IPC (file or stream) or Parquet bytes into an arquero table, checking the
 * structure first (footer, offsets, lengths, buffer bounds against the size) and reading every
 * value once, so damage fails here. Timestamp columns with a zone come back as epoch-millisecond
 * numbers (`useDate: false`), or `Date`s with `dates: "date"`; zone-less ones (Parquet
 * `isAdjustedToUTC = false`, Arrow without timezone, pandas `datetime` without zone) as
 * zone-less ISO text, which `@peak/contracts` reports as `naive_timestamp`.
 *
 * @throws {CacheCorruptionError} when the bytes do not parse; `context.reason` says why, and
 * `context.unsupported` is true for a sound file using a feature this reader does not support
 * (compressed Arrow record batches, as pandas' `to_feather` writes by default; Parquet column
 * chunks in other files), whose hint says how to write one it can read.
 */
export const decodeTable = async (
  bytes: Uint8Array,
  path: string,
  format: "parquet" | "arrow",
  dates: "number" | "date",
): Promise<ColumnTable> => {
  try {
    const facts = format === "parquet" ? checkParquetStructure(bytes) : undefined;
    if (facts !== undefined && dates === "number") {
      // Plain numeric files (what the direct writer makes) go straight into typed arrays.
      const naive = pandasNaiveColumns(facts.keyValues.get("pandas"));
      const direct = readParquetDirect(bytes, facts.footer, naive);
      if (direct !== undefined) return direct;
    }
    const { ipc, keyValues } =
      facts === undefined
        ? { ipc: bytes, keyValues: new Map<string, string>() }
        : await decodeParquet(bytes, facts);
    checkArrowStructure(ipc);
    return arrowToTable(ipc, dates, pandasNaiveColumns(keyValues.get("pandas")));
  } catch (error) {
    const reason = escapeControl(String(error)).slice(0, 300);
    if (error instanceof StructureError && error.unsupported) {
      // A sound file from another writer: "delete it" would be the wrong advice.
      throw new CacheCorruptionError(`Cannot read ${format} file ${escapeControl(path)}`, {
        hint: `The file is not damaged but uses a feature this reader does not support (${error.message}); ${UNSUPPORTED_HINT[format]}`,
        context: { path, format, reason, unsupported: true },
        cause: error,
      });
    }
    throw new CacheCorruptionError(`Cannot parse ${format} cache file ${escapeControl(path)}`, {
      hint: "The file is damaged or not " + format + "; delete it and rebuild the cache entry",
      context: { path, format, reason },
      cause: error,
    });
  }
};
