import { closestMatches } from "@peak/errors";
import { displayText } from "../../csv/text/display-text";
import type { OhlcvRule } from "../types";

type Describe = (
  column: string,
  count: number,
  names: readonly string[],
) => { message: string; hint: string };

const rowsWord = (count: number): string => (count === 1 ? "1 row" : `${count} rows`);

// Nearest table column for a missing one: by spelling, or any date/time-like name for the
// timestamp; the fix is the `columns` map (or renaming the column).
const missingHint = (col: string, names: readonly string[]): string => {
  const near = closestMatches(col, names, { max: 1 });
  if (near.length === 0 && col === "timestamp") {
    near.push(...names.filter((n) => /time|date/i.test(n)).slice(0, 1));
  }
  const [best] = near;
  const map = (name: string) => `columns: { ${col}: "${displayText(name)}" }`;
  if (best !== undefined) return `Did you mean '${displayText(best)}'? Map it with ${map(best)}`;
  const has = names.length === 0 ? "none" : names.slice(0, 12).map(displayText).join(", ");
  return `Map the file's column with ${map("<name>")} or rename it to '${displayText(col)}' (the table has: ${has}); is the delimiter or layout right?`;
};

const TEXT: Record<OhlcvRule, Describe> = {
  missing_column: (col, _n, names) => ({
    message: `Required column '${displayText(col)}' is missing`,
    hint: missingHint(col, names),
  }),
  invalid_timestamp: (col, n) => ({
    message: `Column '${displayText(col)}' is missing, unparseable or of no epoch unit at ${rowsWord(n)}`,
    hint: 'Use ISO-8601 text such as 2024-01-01T00:00:00Z, Date objects or epoch numbers of one unit (1973–2286 under epochUnit: "auto"; pass epochUnit: "s" / "ms" / "us" / "ns" to fix the unit)',
  }),
  naive_timestamp: (col, n) => ({
    message: `Column '${displayText(col)}' has no time zone at ${rowsWord(n)}`,
    hint: 'Write timestamps with a zone (…Z or …+00:00), pass timezone: "<IANA zone>" to read zone-less stamps in that zone, or requireTz: false to read them as UTC',
  }),
  unsorted_timestamps: (col, n) => ({
    message: `Column '${displayText(col)}' goes backwards in time at ${rowsWord(n)}`,
    hint: `Sort the table by '${col}' ascending before validation, e.g. table.orderby('${col}')`,
  }),
  duplicate_timestamps: (col, n) => ({
    message: `Column '${displayText(col)}' repeats an earlier timestamp at ${rowsWord(n)}`,
    hint: "Drop the repeated bars (keep one per timestamp) before validation",
  }),
  not_numeric: (col, n) => ({
    message:
      col === ""
        ? "The table has no rows, so it holds no numeric OHLCV values"
        : `Column '${displayText(col)}' is not a number or numeric string at ${rowsWord(n)}`,
    hint:
      col === ""
        ? "Load at least one bar before validating"
        : `Convert '${col}' to numbers (e.g. Number(x)) and fix or drop the listed rows`,
  }),
  nan: (col, n) => ({
    message: `Column '${displayText(col)}' is NaN or missing at ${rowsWord(n)}`,
    hint: `Fill or drop the NaN rows in '${col}'${col === "volume" ? ", or pass allowPartialNans: true" : ""}`,
  }),
  not_finite: (col, n) => ({
    message: `Column '${displayText(col)}' is ±Infinity at ${rowsWord(n)}`,
    hint: `Replace or drop the infinite values in '${col}'; they usually come from a division by zero`,
  }),
  non_positive_price: (col, n) => ({
    message: `Column '${displayText(col)}' is <= 0 at ${rowsWord(n)}`,
    hint: "OHLC prices must be > 0: check the data source or drop the bad bars",
  }),
  high_below_low: (_col, n) => ({
    message: `high < low at ${rowsWord(n)}`,
    hint: "Check the data source for corruption or swapped high/low columns",
  }),
  ohlc_out_of_range: (col, n) => ({
    message: `Column '${displayText(col)}' lies outside [low, high] at ${rowsWord(n)}`,
    hint: `Every '${col}' must satisfy low <= ${col} <= high: check for swapped or stale columns`,
  }),
  negative_volume: (col, n) => ({
    message: `Column '${displayText(col)}' is negative at ${rowsWord(n)}`,
    hint: "Volume must be >= 0: check the data source",
  }),
};

/** The message and hint of a rule, for the offending column and count. */
export const describeRule = (
  rule: OhlcvRule,
  column: string,
  count: number,
  names: readonly string[] = [],
) => TEXT[rule](column, count, names);
