import { pandasMetadata } from "../pandas-metadata";
import type { DirectColumn } from "./direct-columns";
import { writeParquetDirect } from "./parquet-direct-write";

// The Arrow type each kind reads back as, in the shape pandas metadata is derived from.
const ARROW_TYPE = {
  double: { typeId: 3 },
  float: { typeId: 3 },
  int32: { typeId: 2, bitWidth: 32, signed: true },
  int64: { typeId: 2, bitWidth: 64, signed: true },
  "timestamp-ms-utc": { typeId: 10, timezone: "UTC" },
} as const;

/**
 * Parquet bytes for columns taken straight from their arrays, with the same pandas metadata the
 * general path writes (a zoned `timestamp` column becomes pandas' index).
 */
export const encodeParquetDirect = (
  columns: readonly DirectColumn[],
  rows: number,
  compression: "snappy" | "uncompressed",
): Uint8Array => {
  const fields = columns.map((c) => ({ name: c.name, type: ARROW_TYPE[c.kind] }));
  const pandas = pandasMetadata({ schema: { fields } });
  const keyValues = new Map(pandas === undefined ? [] : [["pandas", pandas]]);
  return writeParquetDirect(columns, rows, compression, keyValues);
};
