/** How a column read by the direct Parquet reader was stored, so writing it back keeps that. */
export type ColumnOrigin = "timestamp-ms-utc" | "int64";

// Keyed by the column's own array: a changed table has new arrays, so nothing stale is kept.
const origins = new WeakMap<object, ColumnOrigin>();

/** Records that `values` came from a Parquet column of kind `origin`. */
export const rememberOrigin = (values: Float64Array, origin: ColumnOrigin): void => {
  origins.set(values, origin);
};

/** The Parquet kind `values` was read from, if the direct reader produced them. */
export const originOf = (values: unknown): ColumnOrigin | undefined =>
  // WeakMap#get gives undefined for null and primitives (it never throws): no guard needed.
  origins.get(values as object);
