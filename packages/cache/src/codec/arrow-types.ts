import type { ColumnTable } from "arquero";

// Flechette (arquero's Arrow layer) data types, written out: Type.Timestamp = 10 with
// TimeUnit.MILLISECOND = 1, and Type.Float = 3 with Precision.DOUBLE = 2.
const UTC_MS = { typeId: 10, unit: 1, timezone: "UTC", values: BigInt64Array };
const FLOAT64 = { typeId: 3, precision: 2, values: Float64Array };

/** Arrow type overrides for arquero's `toArrow({ types })`, keyed by column name. */
export type ArrowTypeMap = Record<string, typeof UTC_MS | typeof FLOAT64>;

// Values by the table's own row index: a filtered or ordered table's column holds every row of
// its source, in the source's order (`getter` maps through the table's indices).
type Getter = (row: number) => unknown;

const firstValue = (get: Getter, rows: number): unknown => {
  for (let row = 0; row < rows; row += 1) {
    const value = get(row);
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
};

/**
 * Picks stable Arrow types: `timestampColumns` and any column holding `Date`s become
 * `Timestamp(ms, "UTC")` (UTC instants); plain arrays of numbers become Float64, so whole
 * numbers do not shrink to Int8 on one day and stay Float64 on another. Typed-array and
 * Arrow-backed columns keep their type and arquero's zero-copy path.
 */
export const arrowTypesFor = (
  table: ColumnTable,
  timestampColumns: readonly string[],
): ArrowTypeMap => {
  const types: ArrowTypeMap = {};
  for (const name of table.columnNames()) {
    const column = table.column(name);
    const value = firstValue(table.getter(name) as Getter, table.numRows());
    if (timestampColumns.includes(name) || value instanceof Date) types[name] = UTC_MS;
    else if (typeof value === "number" && Array.isArray(column)) types[name] = FLOAT64;
  }
  return types;
};

const isTimestampValue = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  Number.isSafeInteger(value) ||
  (value instanceof Date && Number.isFinite(value.getTime()));

// A bad value as the error shows it; JSON.stringify throws on a BigInt or a cycle.
const shown = (value: unknown): string => {
  if (value instanceof Date) return "Invalid Date";
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
};

/**
 * Finds the first value in a timestamp column that cannot be stored as an Arrow int64 of
 * milliseconds: anything but whole epoch-ms numbers, valid Dates and null.
 */
export const badTimestamp = (
  table: ColumnTable,
  types: ArrowTypeMap,
): { column: string; row: number; value: string } | undefined => {
  const rows = table.numRows();
  for (const [name, type] of Object.entries(types)) {
    if (type !== UTC_MS) continue;
    const get = table.getter(name) as Getter;
    for (let row = 0; row < rows; row += 1) {
      const value = get(row);
      if (!isTimestampValue(value)) return { column: name, row, value: shown(value) };
    }
  }
  return undefined;
};
