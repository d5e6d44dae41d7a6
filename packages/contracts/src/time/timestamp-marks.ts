import type { EpochUnit } from "./epoch-unit";

/** What a reader of this package knows about a timestamp column it produced. */
export interface TimestampMark {
  /** The unit the file's epoch numbers were in (`undefined`: the column held no epoch numbers). */
  unit: EpochUnit | undefined;
}

// Keyed by the column array itself, so the mark survives arquero's filter, orderby, select and
// slice (they share column arrays) and vanishes with any derived copy.
const marks = new WeakMap<object, TimestampMark>();

/**
 * Marks `column` as already converted to epoch milliseconds by this package: its numbers are
 * ms, and a digit string left in it is a value that fitted no unit (so `invalid_timestamp`).
 */
export const markTimestampColumn = (column: object, unit: EpochUnit | undefined): void => {
  marks.set(column, { unit });
};

/** The mark of a column produced by this package's readers, if any. */
export const timestampMarkOf = (column: unknown): TimestampMark | undefined =>
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the guard only narrows the type for TypeScript; a WeakMap lookup of a primitive or null returns undefined without throwing
  typeof column === "object" && column !== null ? marks.get(column) : undefined;
