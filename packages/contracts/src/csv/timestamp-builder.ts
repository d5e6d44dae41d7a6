import { epochToMs, inferEpochUnit, type EpochUnit } from "../time/epoch-unit";
import { markTimestampColumn } from "../time/timestamp-marks";
import { createZoneReader } from "../time/time-zone";
import { resized, type ColumnChunk } from "./csv-column";
import type { ResolvedCsvOptions } from "./csv-options";
import { lastScan, scanTimestamp } from "./text/iso-timestamp";
import { parseDecimalSlice, parseNumberText } from "./text/number-text";

const INITIAL_CAPACITY = 1024;

/**
 * Collects the timestamp column: ISO-8601 cells become epoch ms at once; epoch numbers are
 * kept raw and converted in `finish()`, once their unit is known (given, or inferred from the
 * magnitudes). Cells that cannot be judged as instants keep their text: unparseable ones,
 * zone-less ones while `requireTz` holds and no `timezone` is given, wall times that do not
 * exist in that zone, and epoch numbers that fit no unit. Empty cells become `null`.
 */
export class TimestampColumnBuilder {
  private values = new Float64Array(INITIAL_CAPACITY);
  private epoch = new Uint8Array(INITIAL_CAPACITY);
  private epochCount = 0;
  private kept: Map<number, string | null> | undefined;
  private readonly opts: ResolvedCsvOptions;
  private readonly inZone: ((wall: number, previous: number) => number) | undefined;
  private previous = -Infinity;
  /** Always false: the reader's number fast path does not apply. */
  readonly numeric = false;
  /** Rows collected so far. */
  length = 0;
  /** The unit epoch numbers were in, known after `finish()`. */
  unit: EpochUnit | undefined;

  constructor(opts: ResolvedCsvOptions) {
    this.opts = opts;
    this.inZone = opts.timezone === undefined ? undefined : createZoneReader(opts.timezone);
  }

  /** Appends an already parsed number (an epoch value). */
  pushValue(value: number): void {
    this.pushRaw(value);
  }

  /** Appends the cell `text[start, end)`. */
  push(text: string, start: number, end: number): void {
    const ms = scanTimestamp(text, start, end);
    if (ms === ms) return this.pushStamp(ms, lastScan.naive, text, start, end);
    const n = parseDecimalSlice(text, start, end) ?? parseNumberText(text.slice(start, end));
    if (n !== undefined && Number.isFinite(n)) return this.pushRaw(n);
    const cell = text.slice(start, end);
    if (cell.trim() === "") return this.pushKept(null);
    const trimmed = cell.trim();
    const again = trimmed === cell ? Number.NaN : scanTimestamp(trimmed, 0, trimmed.length);
    if (again === again) return this.pushStamp(again, lastScan.naive, trimmed, 0, trimmed.length);
    this.pushKept(cell);
  }

  private pushStamp(ms: number, naive: boolean, text: string, start: number, end: number) {
    if (!this.pushInstant(ms, naive)) this.pushKept(text.slice(start, end));
  }

  /**
   * Appends a parsed ISO stamp; false (nothing appended) when it must keep its text: a
   * zone-less stamp while `requireTz` holds, or a wall time that does not exist in `timezone`.
   */
  pushInstant(ms: number, naive: boolean): boolean {
    let instant = ms;
    if (naive && this.inZone !== undefined) instant = this.inZone(ms, this.previous);
    else if (naive && this.opts.requireTz) instant = Number.NaN;
    if (instant !== instant) return false;
    this.previous = instant;
    this.slot(instant);
    return true;
  }

  private pushRaw(value: number): void {
    const row = this.slot(value);
    this.epoch[row] = 1;
    this.epochCount++;
  }

  /** Appends a cell that keeps its text (`null` for an empty one). */
  pushKept(cell: string | null): void {
    const row = this.slot(Number.NaN);
    (this.kept ??= new Map()).set(row, cell);
  }

  private slot(value: number): number {
    // At least the first capacity: after takeChunk() the arrays are empty, and twice 0 is 0.
    if (this.length === this.values.length) {
      this.reserve(Math.max(INITIAL_CAPACITY, this.values.length * 2));
    }
    this.values[this.length] = value;
    return this.length++;
  }

  /** Makes room for `rows` rows in all. */
  reserve(rows: number): void {
    if (rows <= this.values.length) return;
    this.values = resized(this.values, rows);
    this.epoch = resized(this.epoch, rows);
  }

  /** Hands over the rows so far (a worker's range) and empties the builder. */
  takeChunk(): ColumnChunk {
    const n = this.length;
    const epoch = this.epochCount > 0 ? this.epoch.subarray(0, n) : undefined;
    const chunk = { values: this.values.subarray(0, n), kept: this.kept && [...this.kept], epoch };
    this.values = new Float64Array(0);
    this.epoch = new Uint8Array(0);
    this.kept = undefined;
    this.length = this.epochCount = 0;
    return chunk;
  }

  /** Appends a chunk taken from a builder of the next byte range (no `timezone` state). */
  appendChunk(chunk: ColumnChunk): void {
    const n = chunk.values.length;
    if (this.length + n > this.values.length) {
      this.reserve(Math.max(this.length + n, Math.ceil(this.values.length * 1.25)));
    }
    this.values.set(chunk.values, this.length);
    if (chunk.epoch !== undefined) {
      this.epoch.set(chunk.epoch, this.length);
      for (let i = 0; i < n; i++) this.epochCount += chunk.epoch[i] as number;
    }
    for (const [row, cell] of chunk.kept ?? [])
      (this.kept ??= new Map()).set(this.length + row, cell);
    this.length += n;
  }

  // Converts the raw epoch numbers to ms; those that fit no unit keep their text.
  private convertEpochs(values: Float64Array): void {
    const auto = this.opts.epochUnit === "auto";
    const isEpoch = (i: number) => this.epoch[i] === 1;
    this.unit = auto ? inferEpochUnit(values, isEpoch) : (this.opts.epochUnit as EpochUnit);
    for (let i = 0; i < values.length; i++) {
      if (!isEpoch(i)) continue;
      const raw = values[i] as number;
      const ms = this.unit === undefined ? Number.NaN : epochToMs(raw, this.unit, auto);
      values[i] = ms;
      if (ms !== ms) (this.kept ??= new Map()).set(i, String(raw));
    }
  }

  /** The column in epoch ms: a `Float64Array`, or a plain array when some cells kept text. */
  finish(): Float64Array | (number | string | null)[] {
    const values = this.values.slice(0, this.length);
    this.values = new Float64Array(0);
    if (this.epochCount > 0) this.convertEpochs(values);
    let out: Float64Array | (number | string | null)[] = values;
    if (this.kept !== undefined) {
      out = Array.from(values);
      for (const [row, cell] of this.kept) out[row] = cell;
    }
    markTimestampColumn(out, this.unit);
    return out;
  }
}
