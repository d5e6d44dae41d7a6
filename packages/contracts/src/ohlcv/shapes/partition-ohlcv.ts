import { arqueroTable } from "../../table/arquero-table";
import type { ColumnTable } from "arquero";
import { markTimestampColumn } from "../../time/timestamp-marks";
import { inspectOhlcv, type OhlcvTableInput } from "../check-ohlcv";
import type { OhlcvCheckOptions, OhlcvReport } from "../types";

/** What {@link partitionOhlcv} returns. */
export interface OhlcvPartition {
  /** The same report {@link checkOhlcv} gives (rows capped at 20 per violation). */
  report: OhlcvReport;
  /** Every row left out of `valid`, 0-based and ascending: no cap. */
  invalidRows: number[];
  /** A table of only the rows that pass, timestamps in epoch ms; it passes `checkOhlcv`. */
  valid: ColumnTable;
}

/**
 * Checks a table and splits it in one call: the report, every failing row (not just the
 * first 20 per rule) and a table of only the valid rows. A row is valid when it broke no rule
 * and its timestamp comes after the previous valid row's (so the result is sorted without
 * repeats); when a required column is missing or the table is empty, no row is.
 *
 * @throws ConfigError as {@link checkOhlcv} does.
 * @example
 * ```ts
 * const { report, invalidRows, valid } = partitionOhlcv(parseOhlcvCsv(text));
 * console.log(`${invalidRows.length} of ${report.rows} rows dropped`);
 * await atomicWrite(valid, "clean.parquet");
 * ```
 */
export const partitionOhlcv = (
  table: OhlcvTableInput,
  options?: OhlcvCheckOptions,
): OhlcvPartition => {
  const { report, src, stamps, out } = inspectOhlcv(table, options, true);
  const bad = out.bad as Uint8Array;
  const keep: number[] = [];
  const invalidRows: number[] = [];
  let last = -Infinity;
  for (let row = 0; row < src.rowCount; row++) {
    const t = stamps?.ms[row] as number;
    if (out.structural || bad[row] === 1 || !(t > last)) invalidRows.push(row);
    else {
      keep.push(row);
      last = t;
    }
  }
  const tsName = options?.timestampColumn ?? "timestamp";
  const columns = src.names.map((name) => {
    const values = name === tsName && stamps !== undefined ? stamps.ms : src.column(name);
    const picked =
      values instanceof Float64Array
        ? new Float64Array(keep.length)
        : new Array<unknown>(keep.length);
    keep.forEach((row, i) => (picked[i] = values[row]));
    if (name === tsName) markTimestampColumn(picked, stamps?.unit);
    return [name, picked] as const;
  });
  return { report, invalidRows, valid: arqueroTable(Object.fromEntries(columns)) };
};
