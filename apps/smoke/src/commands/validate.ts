import { extname } from "node:path";
import {
  checkOhlcv,
  createOhlcvCsvParser,
  parseOhlcvCsvFile,
  streamCheckOhlcvCsvFile,
  type CsvFileProgress,
  type OhlcvCheckOptions,
  type OhlcvCsvOptions,
  type OhlcvReport,
} from "@peak/contracts";
import { chainError, isPeakTradeError, PeakTradeError } from "@peak/errors";
import { EXIT, usageError } from "../cli-error";
import type { CliArgs } from "../cli-args";
import { reportDetails, type CellSource } from "../report-details";
import { formatReport } from "../report-table";
import { checkInputFile } from "../file-check";
import { formatWarnings } from "../warnings-table";
import { failsOnWarnings, qualityOptions } from "./quality-flags";
import { csvOptionsFromFlags, timeOptionsFromFlags } from "./validate-flags";
import { cliText } from "./validate-hints";
import { createValidateProgress } from "./validate-progress";

const FORMATS = [".csv", ".parquet", ".arrow"];

interface Checked {
  report: OhlcvReport;
  cells: CellSource;
  /** 1-based file line of a data row (CSV only). */
  lineOf: ((row: number) => number) | undefined;
}

/** `peak-smoke validate <file|->`: exit 0 clean, 1 violations, 2 unreadable or bad arguments. */
export async function validateCommand(args: CliArgs, positionals: string[]): Promise<number> {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw usageError(
      "validate takes exactly one file",
      "Usage: peak-smoke validate <file|-> [--json] (`-` reads CSV from stdin)",
    );
  }
  const ext = file === "-" ? ".csv" : extname(file).toLowerCase();
  if (!FORMATS.includes(ext)) {
    throw usageError(
      `Unsupported file type \`${ext || "(none)"}\` for ${file}`,
      "Use a .csv, .parquet or .arrow file, or - for CSV on stdin.",
    );
  }
  if (file !== "-") checkInputFile(file, "Input file");
  const options = { ...checkOptions(args), quality: qualityOptions(args) };
  const csv = csvOptionsFromFlags(args);
  const json = args.values.json === true;
  const progress = !json && file !== "-" && process.stderr.isTTY;
  const { report: raw, cells, lineOf } = await readAndCheck(file, ext, options, csv, progress);
  const report = { ...raw, violations: raw.violations.map((v) => ({ ...v, ...hintOf(v.hint) })) };
  if (json) {
    const violations = report.violations.map((v) =>
      lineOf === undefined ? v : { ...v, lines: v.rows.map(lineOf) },
    );
    process.stdout.write(`${JSON.stringify({ ...report, violations, file })}\n`);
  } else {
    const where = (row: number) => (lineOf === undefined ? `row ${row}` : `line ${lineOf(row)}`);
    const details = reportDetails(report, cells, where);
    if (lineOf === undefined) process.stdout.write(formatReport(file, report, details));
    else {
      const violations = report.violations.map((v) => ({ ...v, rows: v.rows.map(lineOf) }));
      process.stdout.write(formatReport(file, { ...report, violations }, details, "first lines"));
    }
    process.stdout.write(formatWarnings(report));
  }
  return report.ok && !failsOnWarnings(args, report) ? EXIT.ok : EXIT.violations;
}

const hintOf = (hint: string | undefined) => (hint === undefined ? {} : { hint: cliText(hint) });

const checkOptions = (args: CliArgs): OhlcvCheckOptions => {
  const v = args.values;
  if (v.strict && v["no-strict"])
    throw usageError("--strict and --no-strict together", "Pick one.");
  if (v["require-tz"] && v["no-require-tz"]) {
    throw usageError("--require-tz and --no-require-tz together", "Pick one.");
  }
  return {
    strict: v["no-strict"] !== true,
    requireTz: v["no-require-tz"] !== true,
    allowPartialNans: v["allow-partial-nans"] === true,
    ...timeOptionsFromFlags(args),
  };
};

async function readAndCheck(
  file: string,
  ext: string,
  options: OhlcvCheckOptions,
  csv: OhlcvCsvOptions,
  progress: boolean,
): Promise<Checked> {
  try {
    if (ext !== ".csv") {
      const { atomicRead } = await import("@peak/cache");
      const table = await atomicRead(file, { format: ext === ".arrow" ? "arrow" : "parquet" });
      return { report: checkOhlcv(table, options), cells: table, lineOf: undefined };
    }
    const shown = progress ? createValidateProgress(file, process.stderr) : undefined;
    try {
      const streamed = await streamCheck(file, csv, options, shown);
      if (streamed !== undefined) return streamed;
      const parser = await parseCsvFile(file, csv, shown);
      const table = parser.finish();
      shown?.phase("checking", table.numRows());
      return { report: checkOhlcv(table, options), cells: table, lineOf: parser.lineOf };
    } finally {
      shown?.done();
    }
  } catch (error) {
    if (isPeakTradeError(error) && error.code !== "PEAK_TRADE") throw error;
    throw chainError(error, `Cannot read ${file === "-" ? "stdin" : file}`, {
      as: PeakTradeError,
      hint: "Check that the file exists, is readable and is not truncated.",
      context: { file },
    });
  }
}

type Progress = ReturnType<typeof createValidateProgress>;

const onProgressOf = (progress: Progress | undefined) =>
  progress ? { onProgress: (p: CsvFileProgress) => progress.update(p.bytes, p.total, p.rows) } : {};

/**
 * A clean file checked without its table (see streamCheckOhlcvCsvFile); undefined when it has
 * findings or needs the in-memory reader. A clean report names no row, so no cells or lines.
 */
async function streamCheck(
  file: string,
  csv: OhlcvCsvOptions,
  options: OhlcvCheckOptions,
  progress: Progress | undefined,
): Promise<Checked | undefined> {
  if (file === "-") return undefined;
  const report = await streamCheckOhlcvCsvFile(file, csv, options, onProgressOf(progress));
  if (report === undefined) return undefined;
  progress?.phase("checking", report.rows);
  const cells: CellSource = { get: () => undefined, columnNames: () => [] };
  return { report, cells, lineOf: () => Number.NaN }; // never asked: the report names no row
}

async function parseCsvFile(
  file: string,
  options: OhlcvCsvOptions,
  progress: Progress | undefined,
) {
  if (file !== "-") return parseOhlcvCsvFile(file, options, onProgressOf(progress));
  const parser = createOhlcvCsvParser(options);
  for await (const chunk of process.stdin) parser.pushBytes(chunk as Buffer);
  return parser;
}
