import type { CsvColumnBuilder } from "../csv-column";
import type { CsvReader } from "../csv-reader";
import { lastScan } from "../text/iso-timestamp";
import { TimestampColumnBuilder } from "../timestamp-builder";
import { byteText, numberScan, scanNumberBytes } from "./byte-number";
import { scanTimestampBytes } from "./byte-timestamp";
import { fastStamp, guessesStampEnd } from "./fast-iso";

const STAMP = 1;
const EPOCH = 2;

/**
 * The clean-line fast path of the byte reader: splits `b[start, end)` at `sep`, reads every
 * cell straight from bytes into scratch, and only when the whole line is clean (one field per
 * column, every cell a number or a stamp the text reader would take as is) appends it to the
 * columns. Anything else returns false with nothing appended, and the line is read as text.
 */
export class FastRow {
  private readonly columns: (CsvColumnBuilder | TimestampColumnBuilder)[];
  private readonly sep: number;
  private readonly values: Float64Array;
  private readonly kinds: Uint8Array;
  private stampNaive = false;
  private stampStart = 0;
  private stampEnd = 0;
  private readonly guess: boolean;

  constructor(columns: (CsvColumnBuilder | TimestampColumnBuilder)[], sep: number) {
    this.columns = columns;
    this.sep = sep;
    this.values = new Float64Array(columns.length);
    this.kinds = new Uint8Array(columns.length);
    this.guess = guessesStampEnd(sep);
  }

  /** The fast path for a reader's layout; null when its delimiter is not one ASCII byte. */
  static forReader(reader: CsvReader): FastRow | null {
    const sep = reader.sep.charCodeAt(0);
    return sep < 128 && reader.columns.length > 0 ? new FastRow(reader.columns, sep) : null;
  }

  /** Appends the line `b[start, end)` when clean; false (nothing appended) otherwise. */
  read(b: Uint8Array, start: number, end: number): boolean {
    if (!this.scan(b, start, end)) return false;
    const { columns, values, kinds } = this;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k] as CsvColumnBuilder | TimestampColumnBuilder;
      if (kinds[k] === STAMP)
        this.commitStamp(col as TimestampColumnBuilder, b, values[k] as number);
      else col.pushValue(values[k] as number);
    }
    return true;
  }

  private commitStamp(col: TimestampColumnBuilder, b: Uint8Array, ms: number): void {
    if (col.pushInstant(ms, this.stampNaive)) return;
    col.pushKept(byteText(b, this.stampStart, this.stampEnd));
  }

  private scan(b: Uint8Array, start: number, end: number): boolean {
    const { columns, sep, values, kinds } = this;
    const last = columns.length - 1;
    let pos = start;
    for (let k = 0; k <= last; k++) {
      if (pos > end) return false; // a short line
      if (columns[k] instanceof TimestampColumnBuilder) {
        if (!this.stamp(b, k, pos, end)) return false;
      } else {
        values[k] = scanNumberBytes(b, pos, end, sep);
        kinds[k] = 0;
        if (!numberScan.ok) return false;
      }
      pos = numberScan.at + 1;
    }
    return pos > end; // else more fields than columns
  }

  private stamp(b: Uint8Array, k: number, pos: number, end: number): boolean {
    // The common `…:SS.fffZ` stamp ends 24 bytes on (see guessesStampEnd); else search.
    let stop = pos + 24;
    let ms = Number.NaN;
    if (
      this.guess &&
      stop <= end &&
      (stop === end || b[stop] === this.sep) &&
      b[pos + 19] !== this.sep
    ) {
      ms = fastStamp(b, pos, 24);
      lastScan.naive = false;
    }
    if (ms !== ms) {
      stop = pos;
      while (stop < end && b[stop] !== this.sep) stop++;
      ms = scanTimestampBytes(b, pos, stop);
    }
    if (ms === ms) {
      this.values[k] = ms;
      this.kinds[k] = STAMP;
      this.stampNaive = lastScan.naive;
      this.stampStart = pos;
      this.stampEnd = stop;
      numberScan.at = stop;
      return true;
    }
    const n = scanNumberBytes(b, pos, stop, this.sep);
    this.values[k] = n;
    this.kinds[k] = EPOCH;
    return numberScan.ok && Number.isFinite(n);
  }
}
