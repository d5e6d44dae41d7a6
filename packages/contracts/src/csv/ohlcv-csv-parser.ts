import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { resolveCsvOptions, type OhlcvCsvOptions } from "./csv-options";
import { CsvReader } from "./csv-reader";

/** An incremental OHLCV CSV reader: feed text chunks, then take the table. */
export interface OhlcvCsvParser {
  /** Parses every complete line in `chunk` (a line may be split across chunks). */
  push: (chunk: string) => void;
  /** Parses the last line and returns the table (see {@link parseOhlcvCsv}). */
  finish: () => ColumnTable;
  /** Data rows parsed so far. */
  readonly rows: number;
}

/**
 * Creates an incremental reader for the layout `timestamp,open,high,low,close,volume` (any
 * column order; extra columns kept), so a large file can be parsed chunk by chunk without
 * holding its whole text. The table is the one {@link parseOhlcvCsv} describes.
 *
 * @throws ConfigError for unknown or mistyped options.
 * @throws DataContractError from `push`/`finish` when a line has more fields than the header
 *   or the header repeats a name.
 * @example
 * ```ts
 * const parser = createOhlcvCsvParser();
 * for await (const chunk of createReadStream(file, "utf8")) parser.push(chunk);
 * const report = checkOhlcv(parser.finish());
 * ```
 */
export const createOhlcvCsvParser = (options?: OhlcvCsvOptions): OhlcvCsvParser => {
  const reader = new CsvReader(resolveCsvOptions(options));
  return {
    push: (chunk) => reader.push(chunk),
    finish: () => {
      reader.flush();
      const names = reader.names ?? [];
      const data = names.map((n, k) => [n, reader.columns[k]?.finish() ?? []] as const);
      return aq.table(Object.fromEntries(data));
    },
    get rows() {
      return reader.columns[0]?.length ?? 0;
    },
  };
};
