import { parseDecimalSlice, parseNumberText } from "./text/number-text";

const INITIAL_CAPACITY = 1024;

/**
 * Collects one CSV value column as float64. Cells that are not clean numbers keep their
 * original text, so the contract can still name them: `finish()` then returns a plain array
 * mixing numbers and those strings.
 */
export class CsvColumnBuilder {
  private values = new Float64Array(INITIAL_CAPACITY);
  private kept: Map<number, string | null> | undefined;
  /** Always true: the reader may parse cells itself and call `pushValue`. */
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
    const next = new Float64Array(this.values.length * 2);
    next.set(this.values);
    this.values = next;
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
