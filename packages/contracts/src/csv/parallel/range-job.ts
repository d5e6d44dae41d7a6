import { closeSync, openSync, readSync } from "node:fs";
import { ByteCsvReader } from "../bytes/byte-reader";
import type { ColumnChunk } from "../csv-column";
import type { ResolvedCsvOptions } from "../csv-options";

/** A byte range of whole lines for one worker, with the layout the first line decided. */
export interface RangeJob {
  id: number;
  path: string;
  start: number;
  end: number;
  opts: ResolvedCsvOptions;
  sep: string;
  names: string[];
}

/** What a worker sends back for a range: its columns, rows and lines (range-relative). */
export interface RangeResult {
  id: number;
  rows: number;
  lineCount: number;
  lines: { rows: number[]; offsets: number[] };
  columns: ColumnChunk[];
}

const PIECE = 1 << 22;

/** Reads the lines of `job`'s byte range with the byte reader (any error is thrown as is). */
export const readRange = (job: RangeJob): RangeResult => {
  const reader = new ByteCsvReader(job.opts, false);
  const text = reader.text;
  text.useLayout(job.sep, job.names);
  const fd = openSync(job.path, "r");
  try {
    // Stryker disable next-line MethodExpression,ArithmeticOperator: only the buffer's size; reads stop at job.end and at the buffer's end either way
    const buffer = new Uint8Array(Math.min(PIECE, Math.max(1, job.end - job.start)));
    // Stryker disable next-line EqualityOperator: at job.end a read of 0 bytes breaks the loop anyway
    for (let at = job.start; at < job.end; ) {
      const got = readSync(fd, buffer, 0, Math.min(buffer.length, job.end - at), at);
      if (got === 0) break;
      reader.push(buffer.subarray(0, got));
      at += got;
    }
  } finally {
    closeSync(fd);
  }
  reader.flush();
  return {
    id: job.id,
    // Stryker disable next-line OptionalChaining: useLayout made one column per name
    rows: text.columns[0]?.length ?? 0,
    lineCount: text.lineNo,
    lines: text.lines.entries(),
    columns: text.columns.map((c) => c.takeChunk()),
  };
};

/** The buffers of a result, for the transfer list (moved to the main thread, not copied). */
export const transfers = (result: RangeResult): ArrayBuffer[] =>
  [
    ...new Set(
      result.columns.flatMap((c) => [c.values.buffer, ...(c.epoch ? [c.epoch.buffer] : [])]),
    ),
  ] as ArrayBuffer[];
