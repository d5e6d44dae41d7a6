import { lastScan, parseTimestampText, scanTimestamp } from "./iso-timestamp";
import { parseDecimalSlice, parseNumberText } from "./number-text";

const INITIAL_CAPACITY = 1024;

/**
 * Collects one CSV column as float64. Cells that are not clean numbers (or zoned timestamps,
 * for the timestamp column) keep their original text, so the contract can still name them:
 * `finish()` then returns a plain array mixing numbers and those strings.
 */
export class CsvColumnBuilder {
  private values = new Float64Array(INITIAL_CAPACITY);
  private kept: Map<number, string | null> | undefined;
  private readonly kind: "number" | "timestamp";
  private readonly requireTz: boolean;
  /** Rows collected so far. */
  length = 0;

  constructor(kind: "number" | "timestamp", requireTz: boolean) {
    this.kind = kind;
    this.requireTz = requireTz;
  }

  /** True for value columns (numbers), false for the timestamp column. */
  get numeric(): boolean {
    return this.kind === "number";
  }

  /** Appends an already parsed number. */
  pushValue(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }

  /** Appends the cell `text[start, end)`. */
  push(text: string, start: number, end: number): void {
    if (this.length === this.values.length) this.grow();
    const row = this.length++;
    if (this.kind === "timestamp") {
      const ms = scanTimestamp(text, start, end);
      if (ms === ms && !(lastScan.naive && this.requireTz)) {
        this.values[row] = ms;
        return;
      }
    }
    const fast = parseDecimalSlice(text, start, end);
    if (fast !== undefined) {
      this.values[row] = fast;
      return;
    }
    const cell = text.slice(start, end);
    this.values[row] =
      this.kind === "number" ? this.numberCell(row, cell) : this.stampCell(row, cell);
  }

  private numberCell(row: number, cell: string): number {
    const n = parseNumberText(cell);
    if (n !== undefined) return n;
    this.keep(row, cell);
    return Number.NaN;
  }

  private stampCell(row: number, cell: string): number {
    const parsed = parseTimestampText(cell);
    if (parsed === undefined) {
      this.keep(row, cell.trim() === "" ? null : cell);
      return Number.NaN;
    }
    if (parsed.naive && this.requireTz) this.keep(row, cell);
    return parsed.ms;
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
