import { createReadStream, statSync } from "node:fs";
import { extname } from "node:path";
import { atomicRead } from "@peak/cache";
import {
  checkOhlcv,
  createOhlcvCsvParser,
  type OhlcvCheckOptions,
  type OhlcvReport,
} from "@peak/contracts";
import { chainError, isPeakTradeError, PeakTradeError } from "@peak/errors";
import { EXIT, usageError } from "../cli-error";
import type { CliArgs } from "../cli-args";
import { formatReport } from "../report-table";
import { formatWarnings } from "../warnings-table";
import { failsOnWarnings, qualityOptions } from "./quality-flags";

const FORMATS = [".csv", ".parquet", ".arrow"];

/** `peak-smoke validate <file>`: exit 0 clean, 1 violations, 2 unreadable or bad arguments. */
export async function validateCommand(args: CliArgs, positionals: string[]): Promise<number> {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw usageError(
      "validate takes exactly one file",
      "Usage: peak-smoke validate <file> [--json]",
    );
  }
  const ext = extname(file).toLowerCase();
  if (!FORMATS.includes(ext)) {
    throw usageError(
      `Unsupported file type \`${ext || "(none)"}\` for ${file}`,
      "Use a .csv, .parquet or .arrow file.",
    );
  }
  const options = { ...checkOptions(args), quality: qualityOptions(args) };
  const json = args.values.json === true;
  const report = await readAndCheck(file, ext, options, !json && process.stderr.isTTY);
  if (json) process.stdout.write(`${JSON.stringify({ ...report, file })}\n`);
  else process.stdout.write(formatReport(file, report) + formatWarnings(report));
  return report.ok && !failsOnWarnings(args, report) ? EXIT.ok : EXIT.violations;
}

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
  };
};

async function readAndCheck(
  file: string,
  ext: string,
  options: OhlcvCheckOptions,
  progress: boolean,
): Promise<OhlcvReport> {
  try {
    if (ext !== ".csv") {
      return checkOhlcv(
        await atomicRead(file, { format: ext === ".arrow" ? "arrow" : "parquet" }),
        options,
      );
    }
    return checkOhlcv(await parseCsvFile(file, options, progress), options);
  } catch (error) {
    if (isPeakTradeError(error) && error.code !== "PEAK_TRADE") throw error;
    throw chainError(error, `Cannot read ${file}`, {
      as: PeakTradeError,
      hint: "Check that the file exists, is readable and is not truncated.",
      context: { file },
    });
  }
}

async function parseCsvFile(file: string, options: OhlcvCheckOptions, progress: boolean) {
  const total = statSync(file).size;
  const parser = createOhlcvCsvParser({ requireTz: options.requireTz ?? true });
  let read = 0;
  let shown = -1;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    parser.push(chunk as string);
    read += Buffer.byteLength(chunk as string);
    const pct = Math.floor((read / Math.max(total, 1)) * 100);
    if (progress && pct !== shown) {
      shown = pct;
      process.stderr.write(`\rreading ${file}: ${pct}%`);
    }
  }
  if (progress) process.stderr.write("\n");
  return parser.finish();
}
