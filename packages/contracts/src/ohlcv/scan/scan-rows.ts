import { cleanRow } from "./clean-row";
import { checkTimestampRow, checkValueRow, type RowColumns } from "./row-checks";
import type { ViolationCollector } from "../violations/violation-collector";

// One below the smallest valid epoch ms (the Date range); integers are exact here.
const BEFORE_ALL = -8.64e15 - 1;
const MAX_MS = 8.64e15;

/**
 * The hot loop for a complete table: one pass over six Float64Arrays with a single combined
 * test per row; only rows that fail it go through the per-rule slow path.
 */
const scanComplete = (cols: RowColumns, rowCount: number, out: ViolationCollector): void => {
  const T = cols.timestamp as Float64Array;
  const O = (cols.open as NonNullable<RowColumns["open"]>).values;
  const H = (cols.high as NonNullable<RowColumns["high"]>).values;
  const L = (cols.low as NonNullable<RowColumns["low"]>).values;
  const C = (cols.close as NonNullable<RowColumns["close"]>).values;
  const V = (cols.volume as NonNullable<RowColumns["volume"]>).values;
  const name = cols.timestampName;
  let prev = BEFORE_ALL;
  for (let i = 0; i < rowCount; i++) {
    const t = T[i] as number;
    const h = H[i] as number;
    const l = L[i] as number;
    const o = O[i] as number;
    const c = C[i] as number;
    const v = V[i] as number;
    if (cleanRow(t, prev, o, h, l, c, v) === 1) {
      prev = t;
      continue;
    }
    prev = checkTimestampRow(t, prev, i, name, out);
    checkValueRow(cols, i, out);
  }
};

/**
 * Runs the row rules over every row. `strict: false` checks timestamps only (parseable);
 * a table missing some value columns takes the slow path for every row.
 */
export const scanRows = (
  cols: RowColumns,
  rowCount: number,
  strict: boolean,
  out: ViolationCollector,
): void => {
  const complete =
    cols.timestamp && cols.open && cols.high && cols.low && cols.close && cols.volume;
  if (strict && complete) return scanComplete(cols, rowCount, out);
  let prev = BEFORE_ALL;
  for (let i = 0; i < rowCount; i++) {
    if (cols.timestamp !== undefined) {
      const ms = cols.timestamp[i] as number;
      if (strict) prev = checkTimestampRow(ms, prev, i, cols.timestampName, out);
      else if (!(ms >= -MAX_MS && ms <= MAX_MS)) {
        out.addRow("invalid_timestamp", cols.timestampName, i);
      }
    }
    if (strict) checkValueRow(cols, i, out);
  }
};
