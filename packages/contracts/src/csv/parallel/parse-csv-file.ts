import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { ByteCsvReader } from "../bytes/byte-reader";
import { resolveCsvOptions, type OhlcvCsvOptions } from "../csv-options";
import { parserOf, type OhlcvCsvParser } from "../ohlcv-csv-parser";
import type { RangeJob, RangeResult } from "./range-job";
import { splitRanges } from "./split-ranges";
import { runPool, workerCount } from "./worker-pool";

/** Progress of {@link parseOhlcvCsvFile}: bytes of the file read and parsed, rows so far. */
export interface CsvFileProgress {
  bytes: number;
  total: number;
  rows: number;
}

/** Options of {@link parseOhlcvCsvFile} besides the CSV options. */
export interface CsvFileReadOptions {
  /** Called after each chunk or range. */
  onProgress?: (progress: CsvFileProgress) => void;
  /** Files smaller than this are read on one thread. @defaultValue 8 MiB */
  parallelFrom?: number;
  /** Bytes per worker range (tests use small ones). @defaultValue size / (8 × workers), 4–32 MiB */
  rangeBytes?: number;
  /** Bytes per read of `streamCheckOhlcvCsvFile` (tests use small ones). @defaultValue 1 MiB */
  pieceBytes?: number;
  /** Worker threads. @defaultValue `PEAK_CSV_WORKERS`, else `os.availableParallelism()` */
  workers?: number;
}

const HEAD = 1 << 20;
const lastBreak = (b: Uint8Array) => b.lastIndexOf(10);

const readHead = (fd: number, size: number): Uint8Array => {
  const head = new Uint8Array(Math.min(HEAD, size));
  return head.subarray(0, readSync(fd, head, 0, head.length, 0));
};

/** One thread: the file streamed through the byte reader. */
const oneThread = async (
  path: string,
  options: OhlcvCsvOptions | undefined,
  read: CsvFileReadOptions,
) => {
  const parser = parserOf(new ByteCsvReader(resolveCsvOptions(options)));
  const total = statSync(path).size;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    parser.pushBytes(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    read.onProgress?.({ bytes, total, rows: parser.rows });
  }
  return parser;
};

/**
 * Reads an OHLCV CSV file into a parser ready to `finish()`: the same table, line numbers and
 * errors as pushing the file's bytes through {@link createOhlcvCsvParser}, but a large file is
 * read by worker threads over byte ranges cut at line breaks, their columns moved (not copied)
 * back and appended in order. Small files, a `timezone` option (its DST rule looks at the
 * previous row) and one-worker machines stay on one thread; a data error in any range makes it
 * read the file again on one thread, so the error is exactly the one-thread error.
 *
 * @throws DataContractError / ConfigError as {@link parseOhlcvCsv}; PeakTradeError when a worker dies.
 * @example
 * ```ts
 * const parser = await parseOhlcvCsvFile("bars.csv");
 * const report = checkOhlcv(parser.finish());
 * report.violations.map((v) => v.rows.map(parser.lineOf));
 * ```
 */
export const parseOhlcvCsvFile = async (
  path: string,
  options?: OhlcvCsvOptions,
  read: CsvFileReadOptions = {},
): Promise<OhlcvCsvParser> => {
  const opts = resolveCsvOptions(options);
  const size = statSync(path).size;
  const workers = read.workers ?? workerCount();
  if (size < (read.parallelFrom ?? 8 << 20) || workers < 2 || opts.timezone !== undefined) {
    return oneThread(path, options, read);
  }
  const fd = openSync(path, "r");
  let plan: { parser: OhlcvCsvParser; bytes: ByteCsvReader; jobs: RangeJob[] } | undefined;
  try {
    plan = planRanges(fd, path, size, opts, workers, read.rangeBytes);
  } finally {
    closeSync(fd);
  }
  if (plan === undefined) return oneThread(path, options, read);
  const { parser, bytes, jobs } = plan;
  const text = bytes.text;
  const take = (r: RangeResult) => {
    // Stryker disable next-line OptionalChaining: the header gave names, so there is one column per name
    const rowsBefore = text.columns[0]?.length ?? 0;
    // Stryker disable next-line OptionalChaining: a worker's columns follow the same names as this thread's
    r.columns.forEach((chunk, k) => text.columns[k]?.appendChunk(chunk));
    text.lines.append(r.lines, rowsBefore, text.lineNo);
    text.lineNo += r.lineCount;
    read.onProgress?.({ bytes: (jobs[r.id] as RangeJob).end, total: size, rows: parser.rows });
  };
  const ok = await runPool(jobs, workers, take);
  return ok ? parser : oneThread(path, options, read);
};

// Reads the first lines on this thread (the layout), then cuts the rest into ranges.
const planRanges = (
  fd: number,
  path: string,
  size: number,
  opts: ReturnType<typeof resolveCsvOptions>,
  workers: number,
  given: number | undefined,
) => {
  const rangeBytes =
    given ?? Math.min(32 << 20, Math.max(4 << 20, Math.ceil(size / (workers * 8))));
  const head = readHead(fd, Math.min(size, rangeBytes));
  const cut = lastBreak(head) + 1;
  // Stryker disable next-line ConditionalExpression: a head without a line break pushes nothing, and names === undefined below returns undefined as well
  if (cut === 0) return undefined;
  const bytes = new ByteCsvReader(opts);
  const parser = parserOf(bytes);
  parser.pushBytes(head.subarray(0, cut));
  const text = bytes.text;
  if (text.names === undefined || text.sep.charCodeAt(0) > 127) return undefined;
  const cuts = splitRanges(fd, cut, size, rangeBytes);
  if (cuts === undefined) return undefined;
  // Stryker disable next-line ArithmeticOperator,MethodExpression: only presizes the columns; appendChunk grows them as needed
  const perRow = cut / Math.max(1, parser.rows);
  // Stryker disable next-line ArithmeticOperator: only presizes the columns; appendChunk grows them as needed
  for (const col of text.columns) col.reserve(Math.ceil((size / perRow) * 1.02) + 1024);
  const jobs = cuts.slice(0, -1).map((start, id) => ({
    id,
    path,
    start,
    end: cuts[id + 1] as number,
    opts,
    sep: text.sep,
    names: text.names as string[],
  }));
  return { parser, bytes, jobs };
};
