import { parseNumberText } from "../../csv/text/number-text";
import type { ViolationCollector } from "../violations/violation-collector";

/** A value column as float64, plus which rows held something that is not a number. */
export interface NumericColumn {
  values: Float64Array;
  /** 1 where the original cell was not numeric (already reported); absent when none were. */
  notNumeric: Uint8Array | undefined;
}

// Number for a numeric cell, NaN for a missing one, undefined for anything else.
const cellToNumber = (cell: unknown): number | undefined => {
  if (typeof cell === "number") return cell;
  if (cell === null || cell === undefined) return Number.NaN;
  if (typeof cell === "string") return parseNumberText(cell);
  if (typeof cell === "bigint") return Number(cell);
  return undefined;
};

/**
 * Turns a column into a `Float64Array`: zero-copy for a `Float64Array`, one copy for other
 * typed arrays, a per-cell conversion for plain arrays (numeric strings accepted, `null` and
 * `undefined` read as NaN). Cells that are not numeric become NaN and are recorded as
 * `not_numeric` right away.
 */
export const toNumericColumn = (
  data: ArrayLike<unknown>,
  column: string,
  collector: ViolationCollector,
): NumericColumn => {
  // Stryker disable next-line ConditionalExpression: the zero-copy fast path; the copy below holds the same values
  if (data instanceof Float64Array) return { values: data, notNumeric: undefined };
  if (
    ArrayBuffer.isView(data) &&
    !(data instanceof BigInt64Array || data instanceof BigUint64Array)
  ) {
    return { values: Float64Array.from(data as ArrayLike<number>), notNumeric: undefined };
  }
  const values = new Float64Array(data.length);
  let notNumeric: Uint8Array | undefined;
  // Stryker disable next-line EqualityOperator: data[data.length] reads as NaN, a write past a typed array's end is dropped
  for (let i = 0; i < data.length; i++) {
    const n = cellToNumber(data[i]);
    if (n === undefined) {
      notNumeric ??= new Uint8Array(data.length);
      notNumeric[i] = 1;
      values[i] = Number.NaN;
      collector.addRow("not_numeric", column, i);
    } else {
      values[i] = n;
    }
  }
  return { values, notNumeric };
};
