import { reportGlobalDuplicates } from "./scan/global-duplicates";
import { toNumericColumn, type NumericColumn } from "./scan/numeric-column";
import { checkQuality } from "./quality/check-quality";
import { resolveOhlcvOptions } from "./resolve-options";
import { fromCandles, isCandleArray } from "./shapes/from-candles";
import type { RowColumns } from "./scan/row-checks";
import { scanRows } from "./scan/scan-rows";
import { toTableSource, type TableSource } from "./scan/table-source";
import { toTimestampColumn, type TimestampColumn } from "./scan/timestamp-column";
import {
  OHLCV_VALUE_COLUMNS,
  type OhlcvCheckOptions,
  type OhlcvColumns,
  type OhlcvReport,
} from "./types";
import { ViolationCollector } from "./violations/violation-collector";

/**
 * An arquero `ColumnTable` (structurally), a plain object of equal-length columns, or an
 * array of candles (CCXT rows or objects, see {@link fromCandles}).
 */
export type OhlcvTableInput = object | OhlcvColumns;

const numeric = (
  src: TableSource,
  name: string,
  strict: boolean,
  out: ViolationCollector,
): NumericColumn | undefined =>
  strict && src.names.includes(name) ? toNumericColumn(src.column(name), name, out) : undefined;

/**
 * Checks an OHLCV table against every rule in one pass and returns a report; never throws
 * for bad data. Timestamps: numbers are epoch ms (UTC), `Date`s are instants, strings are
 * ISO-8601 (a zone-less one is `naive_timestamp` under `requireTz`) or epoch-ms digits.
 * Filtered or ordered arquero tables are judged in view order (row indices of the view).
 *
 * @throws ConfigError when `table` is neither an arquero table nor an object of columns, or
 *   an option is unknown or of the wrong type.
 * @example
 * ```ts
 * const report = checkOhlcv(parseOhlcvCsv(csvText));
 * if (!report.ok) for (const v of report.violations) console.log(v.rule, v.column, v.rows);
 * ```
 */
export const checkOhlcv = (table: OhlcvTableInput, options?: OhlcvCheckOptions): OhlcvReport =>
  inspectOhlcv(table, options, false).report;

/** What {@link inspectOhlcv} found: the report, and what it read to get there. */
export interface OhlcvInspection {
  report: OhlcvReport;
  src: TableSource;
  /** The timestamp column in epoch ms, when the table has one. */
  stamps: TimestampColumn | undefined;
  /** Every row that broke a rule (with `trackRows`) and whether a structural rule broke. */
  out: ViolationCollector;
}

/** The engine of {@link checkOhlcv}; `trackRows` also records every offending row. */
export const inspectOhlcv = (
  table: OhlcvTableInput,
  options: OhlcvCheckOptions | undefined,
  trackRows: boolean,
): OhlcvInspection => {
  const opts = resolveOhlcvOptions(options);
  const src = toTableSource(isCandleArray(table) ? fromCandles(table) : table);
  const out = new ViolationCollector(trackRows ? src.rowCount : undefined);
  const tsName = opts.timestampColumn;
  const hasTs = src.names.includes(tsName);
  for (const name of [tsName, ...OHLCV_VALUE_COLUMNS]) {
    if (!src.names.includes(name)) out.addStructural("missing_column", name);
  }
  if (opts.strict && src.rowCount === 0) out.addStructural("not_numeric", "");
  const stamps = hasTs ? toTimestampColumn(src.column(tsName), tsName, opts, out) : undefined;
  const cols: RowColumns = {
    timestamp: stamps?.ms,
    timestampName: tsName,
    open: numeric(src, "open", opts.strict, out),
    high: numeric(src, "high", opts.strict, out),
    low: numeric(src, "low", opts.strict, out),
    close: numeric(src, "close", opts.strict, out),
    volume: numeric(src, "volume", opts.strict, out),
    allowPartialNans: opts.allowPartialNans,
  };
  scanRows(cols, src.rowCount, opts.strict, out);
  if (cols.timestamp !== undefined && out.countOf("unsorted_timestamps", tsName) > 0) {
    reportGlobalDuplicates(cols.timestamp, tsName, out);
  }
  const violations = out.toViolations([tsName, ...OHLCV_VALUE_COLUMNS], src.names);
  const unit = stamps?.unit === undefined ? {} : { timestampUnit: stamps.unit };
  const quality = opts.quality === undefined ? {} : checkQuality(cols, opts.quality);
  const ok = violations.length === 0;
  const report = { ok, rows: src.rowCount, violations, ...unit, ...quality };
  return { report, src, stamps, out };
};
