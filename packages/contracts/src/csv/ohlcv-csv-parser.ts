import { arqueroTable } from "../table/arquero-table";
import type { ColumnTable } from "arquero";
import { resolveCsvOptions, type OhlcvCsvOptions } from "./csv-options";
import { ByteCsvReader } from "./bytes/byte-reader";

/** An incremental OHLCV CSV reader: feed text chunks, then take the table. */
export interface OhlcvCsvParser {
  /** Parses every complete line in `chunk` (a line may be split across chunks). */
  push: (chunk: string) => void;
  /**
   * Parses every complete line in the UTF-8 bytes `chunk`, reading clean lines straight from
   * bytes (no strings): the same table and errors as `push` of the decoded text, faster.
   * The first call of `push` or `pushBytes` picks the mode; the other then converts its chunk.
   */
  pushBytes: (chunk: Uint8Array) => void;
  /** Parses the last line and returns the table (see {@link parseOhlcvCsv}). */
  finish: () => ColumnTable;
  /** Data rows parsed so far. */
  readonly rows: number;
  /** The 1-based line of the file that data row `row` (0-based) came from. */
  lineOf: (row: number) => number;
}

/**
 * Creates an incremental reader (layout, delimiter, units and zones as in {@link parseOhlcvCsv}),
 * so a large file can be parsed chunk by chunk without holding its whole text; `lineOf(row)`
 * maps a report's row back to its file line.
 *
 * @throws ConfigError for unknown or mistyped options.
 * @throws DataContractError from `push`/`finish` as {@link parseOhlcvCsv} does (a line too
 *   long or too wide, more fields than the header, a repeated or missing header name).
 * @example
 * ```ts
 * const parser = createOhlcvCsvParser();
 * for await (const chunk of createReadStream(file, "utf8")) parser.push(chunk);
 * const report = checkOhlcv(parser.finish());
 * ```
 */
export const createOhlcvCsvParser = (options?: OhlcvCsvOptions): OhlcvCsvParser =>
  parserOf(new ByteCsvReader(resolveCsvOptions(options)));

/** The parser around a byte reader (the parallel file reader merges into its columns). */
export const parserOf = (bytes: ByteCsvReader): OhlcvCsvParser => {
  const reader = bytes.text;
  let mode: "text" | "bytes" | undefined;
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  return {
    push: (chunk) => {
      mode ??= "text";
      if (mode === "text") reader.push(chunk);
      else bytes.push(new TextEncoder().encode(chunk));
    },
    pushBytes: (chunk) => {
      mode ??= "bytes";
      if (mode === "bytes") bytes.push(chunk);
      else reader.push((decoder ??= new TextDecoder("utf-8")).decode(chunk, { stream: true }));
    },
    finish: () => {
      if (decoder !== undefined) reader.push(decoder.decode());
      if (mode === "bytes") bytes.flush();
      else reader.flush();
      return tableOf(reader);
    },
    get rows() {
      return reader.columns[0]?.length ?? 0;
    },
    lineOf: (row) => reader.lines.lineOf(row),
  };
};

const tableOf = (reader: ByteCsvReader["text"]): ColumnTable => {
  const names = reader.names ?? [];
  const data = names.map((n, k) => [n, reader.columns[k]?.finish() ?? []] as const);
  return arqueroTable(Object.fromEntries(data));
};
