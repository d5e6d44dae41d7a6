import { DataContractError } from "@peak/errors";
import { CsvColumnBuilder } from "./csv-column";
import { splitQuotedLine } from "./csv-fields";
import type { ResolvedCsvOptions } from "./csv-options";
import { readFirstLine } from "./layout/first-line";
import { LineIndex } from "./line-index";
import { fieldEnd, scanDecimalField } from "./text/number-text";
import { TimestampColumnBuilder } from "./timestamp-builder";

const tooManyFields = (line: number, got: number, expected: number) =>
  new DataContractError(`CSV line ${line} has ${got} fields, the header has ${expected}`, {
    hint: "Quote fields that contain the delimiter, or remove the extra fields",
    context: { line, fields: got, expected },
  });

/** The error for a line longer than `maxLineBytes`. */
export const tooLong = (line: number, max: number) =>
  new DataContractError(`CSV line ${line} is longer than maxLineBytes (${max})`, {
    hint: `Check that the file is CSV with line breaks, or raise maxLineBytes above ${max}`,
    context: { line, maxLineBytes: max },
  });

/** Line-by-line CSV state machine behind {@link createOhlcvCsvParser}. */
export class CsvReader {
  /** The resolved options. */
  readonly opts: ResolvedCsvOptions;
  /** The field delimiter, known once the first line was read. */
  // Stryker disable next-line StringLiteral: useLayout sets the delimiter before any row is read
  sep = ",";
  /** Table column names, once the first non-blank line was read. */
  names: string[] | undefined;
  /** One builder per column. */
  columns: (CsvColumnBuilder | TimestampColumnBuilder)[] = [];
  /** Data row → file line. */
  readonly lines = new LineIndex();
  private pending = "";
  /** File lines seen so far (the 1-based number of the last one). */
  lineNo = 0;
  // Stryker disable next-line UnaryOperator: push, flush and textLine set it before any line is read
  private quoteAt = -1;

  constructor(opts: ResolvedCsvOptions) {
    this.opts = opts;
  }

  /** Parses every complete line of `pending + chunk`; keeps the unfinished tail. */
  push(chunk: string): void {
    // Stryker disable next-line StringLiteral: "" + chunk is chunk; the test only saves a copy
    const text = this.pending === "" ? chunk : this.pending + chunk;
    const max = this.opts.maxLineBytes;
    // Stryker disable next-line UnaryOperator: from +1 a line at 0 or 1 skips the search and takes the quoted path; quotedRow reads a line without quotes as row() does
    this.quoteAt = -1;
    let start = 0;
    // The pending tail holds no line break: search only the new chunk for the first one.
    for (
      let nl = text.indexOf("\n", this.pending.length);
      nl >= 0;
      nl = text.indexOf("\n", start)
    ) {
      if (nl - start > max + 1) throw tooLong(this.lineNo + 1, max);
      this.line(text, start, nl);
      start = nl + 1;
    }
    if (text.length - start > max + 1) throw tooLong(this.lineNo + 1, max);
    this.pending = text.slice(start);
  }

  /** Parses the unfinished tail, if any. */
  flush(): void {
    const rest = this.pending;
    // Stryker disable next-line StringLiteral: flush is the reader's last call, nothing reads pending after it
    this.pending = "";
    // Stryker disable next-line UnaryOperator: from +1 the line at 0 skips the search and takes the quoted path; quotedRow reads a line without quotes as row() does
    this.quoteAt = -1;
    if (rest !== "") this.line(rest, 0, rest.length);
  }

  /** Parses one whole line (no `\n`; a trailing `\r` is dropped) as `push` would. */
  textLine(line: string): void {
    // Stryker disable next-line UnaryOperator: from +1 the line at 0 skips the search and takes the quoted path; quotedRow reads a line without quotes as row() does
    this.quoteAt = -1;
    this.line(line, 0, line.length);
  }

  /** Starts with a known layout instead of reading it from a first line (a byte range's reader). */
  useLayout(sep: string, names: string[]): void {
    this.sep = sep;
    this.names = names;
    this.columns = names.map((n) =>
      n === this.opts.timestampColumn
        ? new TimestampColumnBuilder(this.opts)
        : new CsvColumnBuilder(),
    );
  }

  private line(text: string, start: number, end: number): void {
    this.lineNo++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end === start || (text.charCodeAt(start) <= 32 && text.slice(start, end).trim() === "")) {
      return;
    }
    if (this.names === undefined && this.first(text.slice(start, end))) return;
    // Stryker disable next-line OptionalChaining: the first line always gives at least one column
    this.lines.add(this.columns[0]?.length ?? 0, this.lineNo);
    if (this.hasQuote(text, start, end)) this.quotedRow(text, start, end);
    else this.row(text, start, end);
  }

  // Reads the layout from the first line; true when that line was a header.
  private first(line: string): boolean {
    const layout = readFirstLine(line.replace(/^\uFEFF/, ""), this.lineNo, this.opts);
    this.useLayout(layout.delimiter, layout.names);
    return !layout.headerless;
  }

  // Amortised O(n): remembers the next quote position in the current text.
  private hasQuote(text: string, start: number, end: number): boolean {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: searching again or never only sends more lines to quotedRow; quotedRow reads a line without quotes as row() does
    if (this.quoteAt !== Infinity && this.quoteAt < start) {
      // Stryker disable next-line StringLiteral: finds every line as quoted; quotedRow reads a line without quotes as row() does
      const at = text.indexOf('"', start);
      this.quoteAt = at < 0 ? Infinity : at;
    }
    return this.quoteAt < end;
  }

  private row(text: string, start: number, end: number): void {
    const sep = this.sep;
    const sepCode = sep.charCodeAt(0);
    let pos = start;
    for (const col of this.columns) {
      // Stryker disable next-line BlockStatement: past the end the scan finds nothing and the cell is text[end, end) too
      if (pos > end) {
        col.push(text, end, end); // a short line: the missing fields are empty
        continue;
      }
      const value = col.numeric ? scanDecimalField(text, pos, end, sepCode) : undefined;
      // Stryker disable next-line BlockStatement: the value's text goes through col.push, which parses it to the same number
      if (value !== undefined) {
        col.pushValue(value);
        pos = fieldEnd.at + 1;
        continue;
      }
      let stop = text.indexOf(sep, pos);
      if (stop < 0 || stop > end) stop = end;
      col.push(text, pos, stop);
      pos = stop + 1;
    }
    if (pos <= end) {
      const fields = text.slice(start, end).split(sep).length;
      throw tooManyFields(this.lineNo, fields, this.columns.length);
    }
  }

  private quotedRow(text: string, start: number, end: number): void {
    const fields = splitQuotedLine(text, start, end, this.sep);
    if (fields.length > this.columns.length) {
      throw tooManyFields(this.lineNo, fields.length, this.columns.length);
    }
    this.columns.forEach((col, k) => {
      const f = fields[k] ?? "";
      col.push(f, 0, f.length);
    });
  }
}
