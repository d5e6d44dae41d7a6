import type { ColumnTable } from "arquero";
import { originOf } from "./column-origin";

/** Parquet physical types (parquet.thrift `Type`) the direct codec writes and reads. */
export const PHYSICAL = { INT32: 1, INT64: 2, FLOAT: 4, DOUBLE: 5 } as const;

/** One column ready for the direct writer: its Parquet kind and little-endian PLAIN bytes. */
export interface DirectColumn {
  name: string;
  kind: "double" | "float" | "int32" | "int64" | "timestamp-ms-utc";
  /** PLAIN-encoded values, `rows × width` bytes. */
  plain: Uint8Array;
}

const bytesOf = (values: ArrayBufferView): Uint8Array =>
  new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

// Whole numbers within ±(2^53 - 1) as int64 LE, or undefined at the first other value.
const int64Plain = (values: Float64Array): Uint8Array | undefined => {
  const words = new Int32Array(values.length * 2);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    if (!Number.isSafeInteger(v)) return undefined;
    const high = Math.floor(v / 4294967296);
    words[2 * i] = v - high * 4294967296;
    words[2 * i + 1] = high;
  }
  return bytesOf(words);
};

// A plain array of numbers only (no nulls, no Dates) as Float64Array; otherwise undefined.
const numbers = (values: unknown): Float64Array | undefined => {
  if (values instanceof Float64Array) return values;
  if (!Array.isArray(values)) return undefined;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v: unknown = values[i];
    if (typeof v !== "number") return undefined;
    out[i] = v;
  }
  return out;
};

const directColumn = (
  name: string,
  values: unknown,
  timestamp: boolean,
): DirectColumn | undefined => {
  const origin = originOf(values);
  if (values instanceof Float32Array && !timestamp) {
    return { name, kind: "float", plain: bytesOf(values) };
  }
  if (values instanceof Int32Array && !timestamp) {
    return { name, kind: "int32", plain: bytesOf(values) };
  }
  const floats = numbers(values);
  if (floats === undefined) return undefined;
  if (timestamp || origin !== undefined) {
    const plain = int64Plain(floats);
    const kind = timestamp ? "timestamp-ms-utc" : origin!;
    return plain === undefined ? undefined : { name, kind, plain };
  }
  return { name, kind: "double", plain: bytesOf(floats) };
};

/**
 * The table's columns as PLAIN Parquet bytes, straight from their arrays (no rows, no Dates, no
 * Arrow): Float64Array / number arrays as DOUBLE, Float32Array as FLOAT, Int32Array as INT32,
 * `timestampColumns` (whole epoch-ms numbers) as `TIMESTAMP(MILLIS, UTC)`. Undefined when any
 * column needs the general path: Arrow-backed, other types, nulls, Dates or bad timestamps
 * (which that path then reports), or a filtered or reordered table.
 */
export const directColumns = (
  table: ColumnTable,
  timestampColumns: readonly string[],
): DirectColumn[] | undefined => {
  if (table.isFiltered() || table.isOrdered() || table.numRows() === 0) return undefined;
  const columns: DirectColumn[] = [];
  for (const name of table.columnNames()) {
    const column = directColumn(name, table.column(name), timestampColumns.includes(name));
    if (column === undefined) return undefined;
    columns.push(column);
  }
  return columns;
};
