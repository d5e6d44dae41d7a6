import type { ColumnTable } from "arquero";
import { ConfigError } from "@peak/errors";
import { extname } from "node:path";

/** How a cache file is encoded. `auto` picks by extension: `.parquet`, `.arrow`, else bytes. */
export type CacheFormat = "auto" | "parquet" | "arrow" | "bytes";

/** Raw data `atomicWrite` accepts besides a table: bytes (a Buffer is a Uint8Array) or UTF-8 text. */
export type CacheBytes = Uint8Array | string;

/** Anything `atomicWrite` can store. */
export type CacheData = ColumnTable | CacheBytes;

/** True for an arquero table (checked by shape, so a second copy of arquero also passes). */
export const isTable = (value: unknown): value is ColumnTable =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ColumnTable).columnNames === "function" &&
  typeof (value as ColumnTable).numRows === "function";

/** Resolves `auto` to a concrete format from the file extension (case-insensitive). */
export const resolveFormat = (
  path: string,
  format: CacheFormat = "auto",
): Exclude<CacheFormat, "auto"> => {
  if (format !== "auto") {
    if (["parquet", "arrow", "bytes"].includes(format)) return format;
    throw new ConfigError(`Unknown cache format ${JSON.stringify(format)}`, {
      hint: 'Use "auto", "parquet", "arrow" or "bytes"',
      context: { path, format },
    });
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".parquet") return "parquet";
  return ext === ".arrow" || ext === ".feather" ? "arrow" : "bytes";
};
