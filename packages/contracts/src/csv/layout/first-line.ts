import { DataContractError, isDataContractError } from "@peak/errors";
import type { ResolvedCsvOptions } from "../csv-options";
import { splitHeader } from "../csv-fields";
import { planColumnNames, positionalNames } from "./header-map";
import { scanTimestamp } from "../text/iso-timestamp";
import { parseNumberText } from "../text/number-text";
import { sniffDelimiter } from "./sniff-delimiter";

/** What the first non-blank line of a CSV file decides. */
export interface CsvLayout {
  delimiter: string;
  /** The table's column names, one per field. */
  names: string[];
  /** True when the first line is data (no header). */
  headerless: boolean;
}

// Counts fields without splitting, so a huge header is refused before any allocation.
const countFields = (line: string, sep: string): number => {
  let n = 1;
  for (let i = line.indexOf(sep); i >= 0; i = line.indexOf(sep, i + 1)) n++;
  return n;
};

const looksLikeData = (field: string): boolean => {
  const f = field.trim();
  const n = parseNumberText(f);
  return (n !== undefined && Number.isFinite(n)) || !Number.isNaN(scanTimestamp(f, 0, f.length));
};

/**
 * Reads the layout from the first non-blank line (`lineNo` is its 1-based line number):
 * the delimiter (sniffed under `"auto"`), whether it is a header, and the column names.
 *
 * @throws DataContractError when the line has more than `maxColumns` fields, or the header
 *   repeats a name or lacks a column named in `columns`.
 */
export const readFirstLine = (
  line: string,
  lineNo: number,
  opts: ResolvedCsvOptions,
): CsvLayout => {
  const delimiter = opts.delimiter === "auto" ? sniffDelimiter(line) : opts.delimiter;
  const count = countFields(line, delimiter);
  if (count > opts.maxColumns) {
    throw new DataContractError(
      `CSV line ${lineNo} has ${count} fields, more than maxColumns (${opts.maxColumns})`,
      {
        hint: `Check the delimiter, or raise maxColumns to at least ${count} if the file really is that wide`,
        context: { line: lineNo, fields: count, maxColumns: opts.maxColumns },
      },
    );
  }
  const fields = splitHeader(line, delimiter);
  const headerless =
    opts.header === false || (opts.header === "auto" && looksLikeData(fields[0] ?? ""));
  const fileNames = headerless ? positionalNames(fields.length, opts) : fields;
  try {
    return { delimiter, names: planColumnNames(fileNames, opts, headerless), headerless };
  } catch (error) {
    if (headerless || !isDataContractError(error) || !looksLikeData(fields[0] ?? "")) throw error;
    throw new DataContractError(`${error.message} (line ${lineNo} looks like data, not a header)`, {
      hint: 'The file has no header: pass header: false, or layout: "binance-klines" / "ccxt"',
      context: { ...error.context, line: lineNo },
    });
  }
};
