import { resolveCsvOptions, type OhlcvCsvOptions } from "../csv-options";
import { CsvReader } from "../csv-reader";

/** 2024-01-01T00:00Z in epoch ms. */
export const T0 = Date.UTC(2024, 0, 1);

/** A text reader with `options` resolved. */
export const textReader = (options: OhlcvCsvOptions = {}) =>
  new CsvReader(resolveCsvOptions(options));

/**
 * Pushes `chunks` through a text CsvReader, then each of `lines` through `textLine`, and
 * flushes it: the names, the finished columns, the file line of each row and the lines seen.
 */
export const readText = (chunks: string[], options: OhlcvCsvOptions = {}, lines: string[] = []) => {
  const reader = textReader(options);
  for (const chunk of chunks) reader.push(chunk);
  for (const line of lines) reader.textLine(line);
  reader.flush();
  const rows = reader.columns[0]?.length ?? 0;
  return {
    names: reader.names,
    columns: reader.columns.map((c) => c.finish()),
    lines: Array.from({ length: rows }, (_, r) => reader.lines.lineOf(r)),
    lineNo: reader.lineNo,
  };
};
