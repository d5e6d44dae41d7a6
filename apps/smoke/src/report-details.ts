import type { OhlcvReport, Violation } from "@peak/contracts";
import { escapeControl } from "@peak/errors";

/** A table's cells by column and row, as `validate` read it. */
export interface CellSource {
  get: (column: string, row: number) => unknown;
  columnNames: () => string[];
}

const SHOWN = 3;

const show = (value: unknown, stamp: boolean): string => {
  if (value === null || value === undefined) return "(empty)";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" && stamp && Number.isFinite(value) && Math.abs(value) <= 8.64e15) {
    return new Date(value).toISOString();
  }
  if (typeof value === "string") {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return escapeControl(JSON.stringify(cut));
  }
  return typeof value === "number" || typeof value === "bigint" ? String(value) : typeof value;
};

const detail = (v: Violation, cells: CellSource, row: number, tsName: string): string => {
  const cell = (name: string) => show(cells.get(name, row), name === tsName);
  const col = v.column ?? "";
  switch (v.rule) {
    case "high_below_low":
      return `high ${cell("high")} < low ${cell("low")}`;
    case "ohlc_out_of_range":
      return `${col} ${cell(col)} outside [low ${cell("low")}, high ${cell("high")}]`;
    case "naive_timestamp":
      return `${col} ${cell(col)} has no zone`;
    case "unsorted_timestamps":
      return `${col} ${cell(col)} is earlier than the row before`;
    case "duplicate_timestamps":
      return `${col} ${cell(col)} repeats an earlier row`;
    case "missing_column":
    case "invalid_timestamp":
    case "not_numeric":
    case "nan":
    case "not_finite":
    case "non_positive_price":
    case "negative_volume":
      return `${col} ${cell(col)}`;
  }
};

/**
 * Up to three example lines per violation with the offending values, e.g.
 * `line 903: high 1402.5 < low 1410` (`where(row)`: "line N" for CSV, "row N" otherwise).
 */
export const reportDetails = (
  report: OhlcvReport,
  cells: CellSource,
  where: (row: number) => string,
  tsName = "timestamp",
): string[] => {
  const names = new Set(cells.columnNames());
  return report.violations.flatMap((v) =>
    v.rows
      .slice(0, SHOWN)
      .filter(() => v.column === undefined || names.has(v.column))
      .map((row) => `${v.rule}  ${where(row)}: ${detail(v, cells, row, tsName)}`),
  );
};
