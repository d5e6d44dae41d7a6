import type { ColumnTable } from "arquero";
import type { OhlcvCsvOptions } from "./csv-options";
import { createOhlcvCsvParser } from "./ohlcv-csv-parser";

/**
 * Reads OHLCV CSV text (header `timestamp,open,high,low,close,volume`, any order, extra
 * columns kept) into an arquero table with its own parser: never arquero's date parsing,
 * never the machine's time zone.
 *
 * The table holds, per column:
 * - `timestamp`: a `Float64Array` of epoch milliseconds (UTC) when every cell is epoch-ms
 *   digits or ISO-8601 with a zone (`Z`, `±HH:MM`). Cells that cannot be judged that way keep
 *   their original text in a plain array (numbers elsewhere): an unparseable cell (reported
 *   as `invalid_timestamp`), an empty one (`null`), and, while `requireTz` is true, a
 *   zone-less stamp (reported as `naive_timestamp`). With `requireTz: false` a zone-less
 *   stamp is read as UTC wall-clock time and stored as a number.
 * - every other column: a `Float64Array` of numbers (empty cell → NaN, reported as `nan`);
 *   a cell that is not a number keeps its text in a plain array (reported as `not_numeric`).
 *
 * Lines may end in `\n` or `\r\n`; blank lines are skipped; a short line gets empty cells.
 *
 * @throws ConfigError for unknown or mistyped options.
 * @throws DataContractError when a line has more fields than the header, or the header
 *   repeats a name.
 * @example
 * ```ts
 * const table = parseOhlcvCsv("timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n");
 * validateOhlcv(table); // passes
 * ```
 */
export const parseOhlcvCsv = (text: string, options?: OhlcvCsvOptions): ColumnTable => {
  const parser = createOhlcvCsvParser(options);
  parser.push(text);
  return parser.finish();
};

/**
 * Reads OHLCV CSV from an async iterable of text or UTF-8 byte chunks (e.g. a Node
 * `ReadStream`), holding only one chunk of text at a time besides the columns.
 *
 * @throws The same errors as {@link parseOhlcvCsv}.
 * @example
 * ```ts
 * const table = await parseOhlcvCsvStream(createReadStream("bars.csv"));
 * ```
 */
export const parseOhlcvCsvStream = async (
  source: AsyncIterable<string | Uint8Array>,
  options?: OhlcvCsvOptions,
): Promise<ColumnTable> => {
  const parser = createOhlcvCsvParser(options);
  for await (const chunk of source) {
    if (typeof chunk === "string") parser.push(chunk);
    else parser.pushBytes(chunk);
  }
  return parser.finish();
};
