import type { NumericColumn } from "./numeric-column";
import { isValidMs } from "./timestamp-column";
import type { ViolationCollector } from "../violations/violation-collector";

/** The columns the row loop reads; a value column is absent when the table lacks it. */
export interface RowColumns {
  timestamp: Float64Array | undefined;
  timestampName: string;
  open: NumericColumn | undefined;
  high: NumericColumn | undefined;
  low: NumericColumn | undefined;
  close: NumericColumn | undefined;
  volume: NumericColumn | undefined;
  allowPartialNans: boolean;
}

const PRICE_NAMES = ["open", "high", "low", "close"] as const;

// One value cell: NaN / ±Infinity / sign rules.
const checkValue = (
  col: NumericColumn,
  name: string,
  row: number,
  nanAllowed: boolean,
  out: ViolationCollector,
): void => {
  const x = col.values[row] as number;
  if (x !== x) {
    if (!nanAllowed && col.notNumeric?.[row] !== 1) out.addRow("nan", name, row);
  } else if (x === Infinity || x === -Infinity) {
    out.addRow("not_finite", name, row);
  } else if (name === "volume" ? x < 0 : x <= 0) {
    out.addRow(name === "volume" ? "negative_volume" : "non_positive_price", name, row);
  }
};

/** Every value rule for one row: the slow path, run only for rows the fast test rejected. */
export const checkValueRow = (cols: RowColumns, row: number, out: ViolationCollector): void => {
  for (const name of PRICE_NAMES) {
    const col = cols[name];
    if (col !== undefined) checkValue(col, name, row, false, out);
  }
  if (cols.volume !== undefined) {
    checkValue(cols.volume, "volume", row, cols.allowPartialNans, out);
  }
  if (cols.high === undefined || cols.low === undefined) return;
  const h = cols.high.values[row] as number;
  const l = cols.low.values[row] as number;
  if (h < l) {
    out.addRow("high_below_low", "", row);
    return;
  }
  for (const name of ["open", "close"] as const) {
    const x = cols[name]?.values[row] as number;
    if (x < l || x > h) out.addRow("ohlc_out_of_range", name, row);
  }
};

/**
 * Timestamp rules for one row given the previous valid stamp; returns the new previous
 * stamp. Ascending order is judged against the previous valid row only, so one bad row is
 * reported once.
 */
export const checkTimestampRow = (
  ms: number,
  prev: number,
  row: number,
  name: string,
  out: ViolationCollector,
): number => {
  if (!isValidMs(ms)) {
    out.addRow("invalid_timestamp", name, row);
    return prev;
  }
  if (ms < prev) out.addRow("unsorted_timestamps", name, row);
  else if (ms === prev) out.addRow("duplicate_timestamps", name, row);
  return ms;
};
