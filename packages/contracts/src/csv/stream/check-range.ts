import { closeSync, openSync, readSync } from "node:fs";
import { RangeScanner } from "./range-scanner";
import type { FlagRuns } from "./runs";

/** A byte range of whole lines for the streaming check (a worker's or the main thread's). */
export interface CheckJob {
  kind: "check";
  id: number;
  path: string;
  start: number;
  end: number;
  /** Per column, its {@link ROLE}. */
  roles: Uint8Array;
  sep: number;
  /** The `price_jump` threshold, Infinity when the rule is off. */
  jumpThreshold: number;
  maxLineBytes: number;
  /** Bytes per read. */
  pieceBytes: number;
}

/** The running state of a checked range; `clean: false` when it gave up. */
export interface CheckResult {
  id: number;
  clean: boolean;
  rows: number;
  first: Float64Array;
  last: Float64Array;
  stale: FlagRuns;
  zero: FlagRuns;
  spacingValues: Float64Array;
  spacingCounts: Float64Array;
}

// One read buffer per thread, reused by every range it checks (no garbage per range).
let shared = new Uint8Array(0);
const bufferOf = (bytes: number): Uint8Array => {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only whether the buffer is reused; a new one reads the same
  if (shared.length < bytes) shared = new Uint8Array(bytes);
  return shared.subarray(0, bytes);
};

/** Reads `job`'s range in pieces of `pieceBytes` through a {@link RangeScanner}; holds one piece at a time. */
export const checkRange = (job: CheckJob): CheckResult => {
  const scanner = new RangeScanner(job.roles, job.sep, job.jumpThreshold, job.maxLineBytes);
  const fd = openSync(job.path, "r");
  try {
    // Stryker disable next-line ArithmeticOperator: a range shorter than a piece only gets a larger buffer (reads stop at job.end)
    const buffer = bufferOf(Math.min(job.pieceBytes, Math.max(1, job.end - job.start)) + 2);
    let keep = 0;
    for (let at = job.start; at < job.end && !scanner.bailed; ) {
      const got = readSync(fd, buffer, keep, Math.min(buffer.length - 1 - keep, job.end - at), at);
      if (got === 0) {
        scanner.bailed = true; // the file shrank while read
        break;
      }
      at += got;
      const filled = keep + got;
      buffer[filled] = 0; // the sentinel the scanner needs
      const used = scanner.scan(buffer, 0, filled, at >= job.end);
      // Stryker disable next-line ConditionalExpression: scan returns -1 only after bailing, which ends the loop anyway
      if (used < 0) break;
      keep = filled - used;
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator,BooleanLiteral: a full buffer asks readSync for 0 bytes next, which bails as a shrunk file does
      if (keep === buffer.length - 1) scanner.bailed = true; // a line longer than a piece
      buffer.copyWithin(0, used, filled);
    }
    // Stryker disable next-line ConditionalExpression: the last piece is scanned as final, so bytes are left over only after a bail
    if (keep > 0) scanner.bailed = true;
  } finally {
    closeSync(fd);
  }
  const state = scanner.state;
  const { stale, zero } = state.runs();
  const { values, counts, size } = state.spacings;
  return {
    id: job.id,
    clean: !scanner.bailed,
    rows: state.rows,
    first: state.first,
    last: state.last(),
    stale,
    zero,
    spacingValues: values.slice(0, size),
    spacingCounts: counts.slice(0, size),
  };
};
