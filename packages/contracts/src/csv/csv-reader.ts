import { DataContractError } from "@peak/errors";
import { CsvColumnBuilder } from "./csv-column";
import { splitHeader, splitQuotedLine } from "./csv-fields";
import type { ResolvedCsvOptions } from "./csv-options";
import { fieldEnd, scanDecimalField } from "./number-text";

const tooManyFields = (line: number, got: number, expected: number) =>
  new DataContractError(`CSV line ${line} has ${got} fields, the header has ${expected}`, {
    hint: "Quote fields that contain the delimiter, or remove the extra fields",
    context: { line, fields: got, expected },
  });

/** Line-by-line CSV state machine behind {@link createOhlcvCsvParser}. */
export class CsvReader {
  private readonly opts: ResolvedCsvOptions;
  /** Header names, once the first non-blank line was read. */
  names: string[] | undefined;
  /** One builder per header column. */
  columns: CsvColumnBuilder[] = [];
  private pending = "";
  private lineNo = 0;
  private quoteAt = -1;

  constructor(opts: ResolvedCsvOptions) {
    this.opts = opts;
  }

  /** Parses every complete line of `pending + chunk`; keeps the unfinished tail. */
  push(chunk: string): void {
    const text = this.pending === "" ? chunk : this.pending + chunk;
    this.quoteAt = -1;
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      this.line(text, start, nl);
      start = nl + 1;
    }
    this.pending = text.slice(start);
  }

  /** Parses the unfinished tail, if any. */
  flush(): void {
    const rest = this.pending;
    this.pending = "";
    this.quoteAt = -1;
    if (rest !== "") this.line(rest, 0, rest.length);
  }

  private line(text: string, start: number, end: number): void {
    this.lineNo++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end === start || (text.charCodeAt(start) <= 32 && text.slice(start, end).trim() === "")) {
      return;
    }
    if (this.names === undefined) this.header(text.slice(start, end));
    else if (this.hasQuote(text, start, end)) this.quotedRow(text, start, end);
    else this.row(text, start, end);
  }

  // Amortised O(n): remembers the next quote position in the current text.
  private hasQuote(text: string, start: number, end: number): boolean {
    if (this.quoteAt !== Infinity && this.quoteAt < start) {
      const at = text.indexOf('"', start);
      this.quoteAt = at < 0 ? Infinity : at;
    }
    return this.quoteAt < end;
  }

  private header(line: string): void {
    const names = splitHeader(line, this.opts.delimiter);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) {
      throw new DataContractError(`CSV header repeats the column '${dup}'`, {
        hint: "Give every column a unique name",
        context: { header: names },
      });
    }
    const { timestampColumn, requireTz } = this.opts;
    this.names = names;
    this.columns = names.map(
      (n) => new CsvColumnBuilder(n === timestampColumn ? "timestamp" : "number", requireTz),
    );
  }

  private row(text: string, start: number, end: number): void {
    const sep = this.opts.delimiter;
    const sepCode = sep.charCodeAt(0);
    let pos = start;
    for (const col of this.columns) {
      if (pos > end) {
        col.push(text, end, end); // a short line: the missing fields are empty
        continue;
      }
      const value = col.numeric ? scanDecimalField(text, pos, end, sepCode) : undefined;
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
    const fields = splitQuotedLine(text, start, end, this.opts.delimiter);
    if (fields.length > this.columns.length) {
      throw tooManyFields(this.lineNo, fields.length, this.columns.length);
    }
    this.columns.forEach((col, k) => {
      const f = fields[k] ?? "";
      col.push(f, 0, f.length);
    });
  }
}
