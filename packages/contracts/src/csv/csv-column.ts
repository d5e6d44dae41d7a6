import { parseDecimalSlice, parseNumberText } from "./text/number-text";

const INITIAL_CAPACITY = 1024;

/** One builder's rows as handed from a worker's byte range to the merging reader. */
export interface ColumnChunk {
  values: Float64Array;
  /** Rows (chunk-relative) that kept their text. */
  kept: [number, string | null][] | undefined;
  /** Timestamp column only: 1 for rows holding a raw epoch number. */
  epoch?: Uint8Array | undefined;
}

/** A copy of `values` in a buffer of `capacity` (at least its length). */
export const resized = <T extends Float64Array | Uint8Array>(values: T, capacity: number): T => {
  const next = new (values.constructor as new (n: number) => T)(capacity);
  next.set(values.subarray(0, Math.min(values.length, capacity)));
  return next;
};

/**
 * Collects one CSV value column as float64. Cells that are not clean numbers keep their
 * original text, so the contract can still name them: `finish()` then returns a plain array
 * mixing numbers and those strings.
 */
export class CsvColumnBuilder {
  private values = new Float64Array(INITIAL_CAPACITY);
  private kept: Map<number, string | null> | undefined;
  /** Always true: the reader may parse cells itself and call `pushValue`. */
  // Stryker disable next-line BooleanLiteral: false sends every cell through push, which parses it to the same number
  readonly numeric = true;
  /** Rows collected so far. */
  length = 0;

  /** Appends an already parsed number. */
  pushValue(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }

  /** Appends the cell `text[start, end)`. */
  push(text: string, start: number, end: number): void {
    if (this.length === this.values.length) this.grow();
    const row = this.length++;
    const fast = parseDecimalSlice(text, start, end);
    // Stryker disable next-line BlockStatement: parseNumberText reads every cell parseDecimalSlice takes to the same number
    if (fast !== undefined) {
      this.values[row] = fast;
      return;
    }
    const cell = text.slice(start, end);
    this.values[row] = this.numberCell(row, cell);
  }

  private numberCell(row: number, cell: string): number {
    const n = parseNumberText(cell);
    if (n !== undefined) return n;
    this.keep(row, cell);
    return Number.NaN;
  }

  private keep(row: number, cell: string | null): void {
    (this.kept ??= new Map()).set(row, cell);
  }

  private grow(): void {
    // At least the first capacity: after takeChunk() the array is empty, and twice 0 is 0.
    this.values = resized(this.values, Math.max(INITIAL_CAPACITY, this.values.length * 2));
  }

  /** Makes room for `rows` rows in all (so a large file grows its columns once, not by doubling). */
  reserve(rows: number): void {
    if (rows > this.values.length) this.values = resized(this.values, rows);
  }

  /** Hands over the rows so far (a worker's range) and empties the builder. */
  takeChunk(): ColumnChunk {
    const chunk = {
      values: this.values.subarray(0, this.length),
      kept: this.kept && [...this.kept],
    };
    this.values = new Float64Array(0);
    this.kept = undefined;
    this.length = 0;
    return chunk;
  }

  /** Appends a chunk taken from a builder of the next byte range. */
  appendChunk(chunk: ColumnChunk): void {
    const n = chunk.values.length;
    if (this.length + n > this.values.length) {
      this.reserve(Math.max(this.length + n, Math.ceil(this.values.length * 1.25)));
    }
    this.values.set(chunk.values, this.length);
    for (const [row, cell] of chunk.kept ?? []) this.keep(this.length + row, cell);
    this.length += n;
  }

  /** The column: a right-sized `Float64Array`, or a plain array when some cells were kept. */
  finish(): Float64Array | (number | string | null)[] {
    const n = this.length;
    const values =
      n * 8 < this.values.length * 7 ? this.values.slice(0, n) : this.values.subarray(0, n);
    this.values = new Float64Array(0);
    if (this.kept === undefined) return values;
    const out: (number | string | null)[] = Array.from(values);
    for (const [row, cell] of this.kept) out[row] = cell;
    return out;
  }
}
