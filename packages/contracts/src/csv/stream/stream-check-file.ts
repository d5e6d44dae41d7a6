import { closeSync, openSync, readSync, statSync } from "node:fs";
import { resolveOhlcvOptions } from "../../ohlcv/resolve-options";
import type { OhlcvCheckOptions, OhlcvReport } from "../../ohlcv/types";
import { ByteCsvReader } from "../bytes/byte-reader";
import { resolveCsvOptions, type OhlcvCsvOptions } from "../csv-options";
import type { CsvFileReadOptions } from "../parallel/parse-csv-file";
import { splitRanges } from "../parallel/split-ranges";
import { runPool, workerCount } from "../parallel/worker-pool";
import { checkRange, type CheckJob, type CheckResult } from "./check-range";
import { MergedRanges } from "./merge-results";
import { ROLE } from "./range-scanner";
import { streamReport } from "./stream-report";

const HEAD = 1 << 20;
const NEEDED = [0, 1, 2, 3, 4, 5];

type Layout = Pick<CheckJob, "path" | "roles" | "sep" | "maxLineBytes"> & { dataStart: number };

// The header line, read on this thread; undefined when the file needs the in-memory reader.
const readLayout = (path: string, fd: number, csv: OhlcvCsvOptions | undefined, size: number) => {
  const head = new Uint8Array(Math.min(HEAD, size));
  const got = readSync(fd, head, 0, head.length, 0);
  const nl = head.subarray(0, got).indexOf(10);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no line break (or one at 0, a blank first line) the reader gets no header, and names === undefined below returns undefined as well
  if (nl < 0) return undefined;
  const opts = resolveCsvOptions(csv);
  const reader = new ByteCsvReader(opts);
  try {
    reader.push(head.subarray(0, nl + 1));
  } catch {
    return undefined; // a bad header: the in-memory reader reports it
  }
  const { names, sep, columns } = reader.text;
  // Stryker disable next-line OptionalChaining: with names set, columns holds one builder per name
  if (names === undefined || (columns[0]?.length ?? 0) > 0) return undefined;
  // Stryker disable next-line ConditionalExpression: a delimiter above 127 is two bytes in UTF-8, so the scanner would meet its lead byte in the first field and bail; this only saves that scan
  if (sep.charCodeAt(0) > 127) return undefined;
  const byName = ROLE as Record<string, number>;
  const roles = Uint8Array.from(names, (n) =>
    n === opts.timestampColumn
      ? ROLE.timestamp
      : n === "timestamp"
        ? ROLE.other
        : (byName[n] ?? ROLE.other),
  );
  if (!NEEDED.every((r) => roles.includes(r))) return undefined;
  return {
    path,
    roles,
    sep: sep.charCodeAt(0),
    maxLineBytes: opts.maxLineBytes,
    dataStart: nl + 1,
  };
};

/**
 * Checks an OHLCV CSV file without building its table: byte ranges are scanned 1 MiB at a
 * time in one fused pass per line, keeping only running state (rows, border rows, stale and
 * zero-volume runs, the stamp spacings run-length encoded), so memory stays near Node's
 * baseline. One thread by default (it reads over 200 MB/s, and each worker thread costs
 * about 12 MiB); `workers` or `PEAK_CSV_WORKERS` of 2 or more add worker threads beside this
 * one, about twice as fast on two cores. Returns the
 * report {@link checkOhlcv} gives on the table {@link parseOhlcvCsvFile} reads, when the file
 * is clean (no violation, no bar warning; gap and interval warnings are replayed exactly);
 * returns undefined as soon as a range finds anything else: the caller then reads the file
 * with `parseOhlcvCsvFile` and checks it in memory, which reports every finding with its line.
 *
 * @throws ConfigError for unknown or mistyped options.
 * @example
 * ```ts
 * const report =
 *   (await streamCheckOhlcvCsvFile("bars.csv")) ??
 *   checkOhlcv((await parseOhlcvCsvFile("bars.csv")).finish());
 * ```
 */
export const streamCheckOhlcvCsvFile = async (
  path: string,
  csv?: OhlcvCsvOptions,
  check?: OhlcvCheckOptions,
  read: CsvFileReadOptions = {},
): Promise<OhlcvReport | undefined> => {
  const opts = resolveOhlcvOptions(check);
  const csvOpts = resolveCsvOptions(csv);
  if (!opts.strict || opts.timezone !== undefined || csvOpts.timezone !== undefined)
    return undefined;
  if (csvOpts.timestampColumn !== opts.timestampColumn) return undefined;
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  let layout: Layout | undefined;
  let cuts: number[] | undefined;
  const workers = read.workers ?? workerCount(1);
  const cut = size >= (read.parallelFrom ?? 8 << 20);
  const rangeBytes =
    read.rangeBytes ?? Math.min(32 << 20, Math.max(4 << 20, Math.ceil(size / (workers * 8))));
  try {
    layout = readLayout(path, fd, csv, size);
    if (layout !== undefined) {
      // No cut near a long or unfinished last line: then the file is one range.
      const ranges = cut ? splitRanges(fd, layout.dataStart, size, rangeBytes) : undefined;
      cuts = ranges ?? [layout.dataStart, size];
    }
  } finally {
    closeSync(fd);
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: cuts is undefined exactly when layout is (both are named for TypeScript)
  if (layout === undefined || cuts === undefined) return undefined;
  const q = opts.quality;
  const jumpThreshold = q?.rules.has("price_jump") === true ? q.jumpThreshold : Infinity;
  const { dataStart: _, ...base } = layout;
  const jobs: CheckJob[] = cuts.slice(0, -1).map((start, id) => ({
    ...base,
    // Stryker disable next-line StringLiteral: the worker tells a check job by \`"kind" in job\`, not by its value
    kind: "check",
    id,
    start,
    end: cuts[id + 1] as number,
    jumpThreshold,
    pieceBytes: read.pieceBytes ?? 1 << 20,
  }));
  const merged = new MergedRanges(jumpThreshold);
  const take = (r: CheckResult) => {
    if (!merged.add(r)) throw GIVE_UP;
    read.onProgress?.({ bytes: (jobs[r.id] as CheckJob).end, total: size, rows: merged.rows });
  };
  try {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: which threads run the ranges, not what they give: the pool with one thread runs every job here, and with one job the loop saves starting a worker
    if (workers < 2 || jobs.length < 2) {
      for (const job of jobs) {
        take(checkRange(job));
        await new Promise(setImmediate); // signals and timers between ranges
      }
    } else if (!(await runPool(jobs, workers, take, (job) => checkRange(job)))) return undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
  return streamReport(merged, opts);
};

const GIVE_UP = new Error("the stream needs the in-memory check");
