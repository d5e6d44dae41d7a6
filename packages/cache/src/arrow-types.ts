import type { ColumnTable } from "arquero";

// Flechette (arquero's Arrow layer) Float64 type, written out: Type.Float = 3, Precision.DOUBLE = 2.
const FLOAT64 = { typeId: 3, precision: 2, values: Float64Array };

/** How each column is encoded: which become UTC timestamps, which plain arrays get Float64. */
export interface ColumnPlan {
  /** Columns written as Arrow `Timestamp(ms, "UTC")`. */
  timestamps: string[];
  /** Arrow type overrides for arquero's `toArrow({ types })` (plain arrays of numbers). */
  floatOverrides: Record<string, typeof FLOAT64>;
}

const firstValue = (table: ColumnTable, name: string): unknown => {
  const column = table.column(name);
  const rows = table.numRows();
  for (let row = 0; row < rows; row += 1) {
    const value: unknown = column?.at(row);
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
};

const isTypedColumn = (table: ColumnTable, name: string): boolean =>
  ArrayBuffer.isView((table.column(name) as unknown as { data?: unknown } | undefined)?.data);

/**
 * Picks stable Arrow types: `timestampColumns` and any column holding `Date`s become UTC
 * timestamps; plain arrays of numbers become Float64 (so whole numbers do not shrink to Int8 on
 * one day and stay Float64 on another). Typed-array and other columns keep arquero's type.
 */
export const planColumns = (
  table: ColumnTable,
  timestampColumns: readonly string[],
): ColumnPlan => {
  const plan: ColumnPlan = { timestamps: [], floatOverrides: {} };
  for (const name of table.columnNames()) {
    const value = firstValue(table, name);
    if (timestampColumns.includes(name) || value instanceof Date) plan.timestamps.push(name);
    else if (typeof value === "number" && !isTypedColumn(table, name)) {
      plan.floatOverrides[name] = FLOAT64;
    }
  }
  return plan;
};
