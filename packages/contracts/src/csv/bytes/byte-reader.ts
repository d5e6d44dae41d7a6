import { CsvReader, tooLong } from "../csv-reader";
import type { ResolvedCsvOptions } from "../csv-options";
import { FastRow } from "./fast-row";

const EMPTY = new Uint8Array(0);
// Uint8Array's own indexOf: a Buffer's is a much slower call into C++ for each line.
const newline = (b: Uint8Array, from: number): number =>
  Uint8Array.prototype.indexOf.call(b, 10, from);

const startsWithBom = (b: Uint8Array, at: number, end: number) =>
  end - at >= 3 && b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf;

/**
 * The byte-level CSV reader: splits UTF-8 chunks into lines and reads clean lines straight from
 * bytes ({@link FastRow}); a line it cannot read that way (the header, quotes, blanks, odd
 * numbers, bad cells, wrong field counts) is decoded and handed to the text reader, so values
 * and errors are exactly those of {@link CsvReader} on the decoded text.
 */
export class ByteCsvReader {
  /** The text reader that holds the columns and reads the unusual lines. */
  readonly text: CsvReader;
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly max: number;
  private fast: FastRow | null | undefined;
  private pending: Uint8Array = EMPTY;
  private readonly fileStart: boolean;

  /** `fileStart: false` for a range inside a file (no byte-order mark to drop). */
  constructor(opts: ResolvedCsvOptions, fileStart = true) {
    this.text = new CsvReader(opts);
    this.max = opts.maxLineBytes;
    this.fileStart = fileStart;
  }

  /** Reads every complete line of `pending + chunk`; keeps the unfinished tail (copied). */
  push(chunk: Uint8Array): void {
    let p = 0;
    if (this.pending.length > 0) {
      const nl = newline(chunk, 0);
      const joined = new Uint8Array(this.pending.length + (nl < 0 ? chunk.length : nl + 1));
      joined.set(this.pending);
      joined.set(nl < 0 ? chunk : chunk.subarray(0, nl + 1), this.pending.length);
      this.pending = EMPTY;
      if (nl < 0) return this.keep(joined, 0);
      this.line(joined, 0, joined.length - 1);
      p = nl + 1;
    }
    for (let nl = newline(chunk, p); nl >= 0; nl = newline(chunk, p)) {
      this.line(chunk, p, nl);
      p = nl + 1;
    }
    this.keep(chunk, p);
  }

  /** Reads the unfinished tail, if any. */
  flush(): void {
    const rest = this.pending;
    this.pending = EMPTY;
    if (rest.length === 0) return;
    const text = this.decode(rest, 0, rest.length);
    if (text.length > this.max + 1) throw tooLong(this.text.lineNo + 1, this.max);
    if (text !== "") this.text.textLine(text);
  }

  private keep(b: Uint8Array, from: number): void {
    this.pending = b.slice(from);
    if (this.pending.length <= this.max + 1) return;
    const tail = this.decode(this.pending, 0, this.pending.length, true);
    if (tail.length > this.max + 1) throw tooLong(this.text.lineNo + 1, this.max);
  }

  private decode(b: Uint8Array, start: number, end: number, stream = false): string {
    if (this.text.lineNo === 0 && this.fileStart && startsWithBom(b, start, end)) start += 3;
    const part = b.subarray(start, end);
    if (!stream) return this.decoder.decode(part);
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(part, { stream });
  }

  // One line `b[start, nl)` (nl: its line break).
  private line(b: Uint8Array, start: number, nl: number): void {
    const text = this.text;
    if (nl - start <= this.max + 1 && text.names !== undefined) {
      const end = nl > start && b[nl - 1] === 13 ? nl - 1 : nl;
      if (this.fast === undefined) this.fast = FastRow.forReader(text);
      const row = text.columns[0]?.length ?? 0;
      if (end > start && (b[start] as number) > 32 && this.fast?.read(b, start, end) === true) {
        text.lines.add(row, ++text.lineNo);
        return;
      }
    }
    const line = this.decode(b, start, nl);
    if (line.length > this.max + 1) throw tooLong(text.lineNo + 1, this.max);
    text.textLine(line);
  }
}
