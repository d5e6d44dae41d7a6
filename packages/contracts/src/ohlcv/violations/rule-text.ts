import type { OhlcvRule } from "../types";

type Describe = (column: string, count: number) => { message: string; hint: string };

const rowsWord = (count: number): string => (count === 1 ? "1 row" : `${count} rows`);

const TEXT: Record<OhlcvRule, Describe> = {
  missing_column: (col) => ({
    message: `Required column '${col}' is missing`,
    hint: `Add or rename a column to '${col}' (names are lower-case: timestamp, open, high, low, close, volume)`,
  }),
  invalid_timestamp: (col, n) => ({
    message: `Column '${col}' is missing or unparseable at ${rowsWord(n)}`,
    hint: "Use epoch milliseconds, Date objects or ISO-8601 text such as 2024-01-01T00:00:00Z",
  }),
  naive_timestamp: (col, n) => ({
    message: `Column '${col}' has no time zone at ${rowsWord(n)}`,
    hint: "Write timestamps with a zone (…Z or …+00:00), or pass requireTz: false to read zone-less stamps as UTC",
  }),
  unsorted_timestamps: (col, n) => ({
    message: `Column '${col}' goes backwards in time at ${rowsWord(n)}`,
    hint: `Sort the table by '${col}' ascending before validation, e.g. table.orderby('${col}')`,
  }),
  duplicate_timestamps: (col, n) => ({
    message: `Column '${col}' repeats an earlier timestamp at ${rowsWord(n)}`,
    hint: "Drop the repeated bars (keep one per timestamp) before validation",
  }),
  not_numeric: (col, n) => ({
    message:
      col === ""
        ? "The table has no rows, so it holds no numeric OHLCV values"
        : `Column '${col}' is not a number or numeric string at ${rowsWord(n)}`,
    hint:
      col === ""
        ? "Load at least one bar before validating"
        : `Convert '${col}' to numbers (e.g. Number(x)) and fix or drop the listed rows`,
  }),
  nan: (col, n) => ({
    message: `Column '${col}' is NaN or missing at ${rowsWord(n)}`,
    hint: `Fill or drop the NaN rows in '${col}'${col === "volume" ? ", or pass allowPartialNans: true" : ""}`,
  }),
  not_finite: (col, n) => ({
    message: `Column '${col}' is ±Infinity at ${rowsWord(n)}`,
    hint: `Replace or drop the infinite values in '${col}'; they usually come from a division by zero`,
  }),
  non_positive_price: (col, n) => ({
    message: `Column '${col}' is <= 0 at ${rowsWord(n)}`,
    hint: "OHLC prices must be > 0: check the data source or drop the bad bars",
  }),
  high_below_low: (_col, n) => ({
    message: `high < low at ${rowsWord(n)}`,
    hint: "Check the data source for corruption or swapped high/low columns",
  }),
  ohlc_out_of_range: (col, n) => ({
    message: `Column '${col}' lies outside [low, high] at ${rowsWord(n)}`,
    hint: `Every '${col}' must satisfy low <= ${col} <= high: check for swapped or stale columns`,
  }),
  negative_volume: (col, n) => ({
    message: `Column '${col}' is negative at ${rowsWord(n)}`,
    hint: "Volume must be >= 0: check the data source",
  }),
};

/** The message and hint of a rule, for the offending column and count. */
export const describeRule = (rule: OhlcvRule, column: string, count: number) =>
  TEXT[rule](column, count);
