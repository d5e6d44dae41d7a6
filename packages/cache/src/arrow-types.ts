import type { ColumnTable } from "arquero";

// Flechette (arquero's Arrow layer) data types, written out: Type.Timestamp = 10 with
// TimeUnit.MILLISECOND = 1, and Type.Float = 3 with Precision.DOUBLE = 2.
const UTC_MS = { typeId: 10, unit: 1, timezone: "UTC", values: BigInt64Array };
const FLOAT64 = { typeId: 3, precision: 2, values: Float64Array };

/** Arrow type overrides for arquero's `toArrow({ types })`, keyed by column name. */
export type ArrowTypeMap = Record<string, typeof UTC_MS | typeof FLOAT64>;

const firstValue = (table: ColumnTable, name: string): unknown => {
  const column = table.column(name);
  const rows = table.numRows();
  for (let row = 0; row < rows; row += 1) {
    const value: unknown = column?.at(row);
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
};

const isIntegerArray = (table: ColumnTable, name: string): boolean => {
  const data = (table.column(name) as unknown as { data?: unknown } | undefined)?.data;
  return (
    ArrayBuffer.isView(data) && !(data instanceof Float64Array || data instanceof Float32Array)
  );
};

/**
 * Picks stable Arrow types: `timestampColumns` and any column holding `Date`s become
 * `Timestamp(ms, "UTC")` (UTC instants); other number columns become Float64, so a column
 * of whole numbers does not shrink to Int8 on one day and stay Float64 on another. Integer
 * typed-array columns and non-numeric columns keep arquero's inferred type.
 */
export const arrowTypesFor = (
  table: ColumnTable,
  timestampColumns: readonly string[],
): ArrowTypeMap => {
  const types: ArrowTypeMap = {};
  for (const name of table.columnNames()) {
    const value = firstValue(table, name);
    if (timestampColumns.includes(name) || value instanceof Date) types[name] = UTC_MS;
    else if (typeof value === "number" && !isIntegerArray(table, name)) types[name] = FLOAT64;
  }
  return types;
};
