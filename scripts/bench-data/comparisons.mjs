// Runs every comparison of pnpm bench:data in turn and prints its table; returns the
// summaries by group id for the verdicts.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  checkTools,
  parquetReadTools,
  parquetWriteTools,
  rawTools,
  validateTools,
} from "./groups.mjs";
import { mib, sha256File } from "./inputs.mjs";
import { formatGroup } from "./report.mjs";
import { runGroup } from "./rounds.mjs";
import { countLabel } from "./verdicts.mjs";

/** Removes the files a write group left in `work`, except the warm-up's (round -1). */
const sweep = (work, prefix) => {
  for (const name of readdirSync(work)) {
    if (name.startsWith(prefix) && !name.includes("--1."))
      rmSync(join(work, name), { force: true });
  }
};

const skippedPeers = (py, names) =>
  py.skipped.filter((s) => names.some((n) => s.startsWith(`${n} `)));

export const runComparisons = ({ config, inputs, work, meter, log }) => {
  const { sizes, rounds, python: py } = config;
  const small = countLabel(sizes.smallRows);
  const big = countLabel(sizes.bigRows);
  const csvPeers = ["pandas", "polars", "duckdb (py)"];
  const groups = [
    {
      id: "validateSmall",
      title: `CSV validate, ${small} rows (${mib(inputs.smallCsvBytes)}), end to end`,
      metric: "wallS",
      warmup: true,
      tools: validateTools(inputs.smallCsv, sizes.smallRows, py),
      skipped: skippedPeers(py, csvPeers),
    },
    {
      id: "validateBig",
      title: `CSV validate, ${big} rows (${mib(inputs.csvBytes)}), end to end`,
      metric: "wallS",
      warmup: false,
      before: () => sha256File(inputs.bigCsv), // pull the file into the page cache
      tools: validateTools(inputs.bigCsv, sizes.bigRows, py),
      skipped: skippedPeers(py, csvPeers),
    },
    {
      id: "parquetWrite",
      title: `Parquet write, ${small} rows, checksum sidecar + fsync`,
      metric: "opS",
      warmup: true,
      tools: parquetWriteTools(inputs.columns, sizes.smallRows, work, py),
      afterRound: () => sweep(work, ""),
      skipped: skippedPeers(py, ["pandas"]),
    },
    {
      id: "parquetRead",
      title: `Parquet read, ${small} rows, SHA-256 verified`,
      metric: "opS",
      warmup: true,
      tools: parquetReadTools(sizes.smallRows, work, py),
      skipped: skippedPeers(py, ["pandas"]),
    },
    {
      id: "raw",
      title: `Raw bytes, ${(sizes.rawBytes / 2 ** 20).toFixed(0)} MiB, write + fsync`,
      metric: "opS",
      warmup: true,
      tools: rawTools(inputs.raw, work),
      afterRound: () => sweep(work, "raw-"),
      skipped: [],
    },
    {
      id: "check",
      title: `checkOhlcv vs pandas rules, ${big} rows in memory (median of ${config.checkReps} per process)`,
      metric: "opS",
      warmup: false,
      tools: checkTools(inputs.columns, sizes.bigRows, config.checkReps, py),
      skipped: skippedPeers(py, ["pandas"]),
    },
  ];
  const summaries = {};
  for (const group of groups.filter((g) => config.only(g.id))) {
    // The self-check only proves the plumbing: no warm-ups but the one Parquet read needs.
    if (config.selfCheck) group.warmup = group.id === "parquetWrite";
    group.before?.();
    process.stderr.write(`running: ${group.title}\n`);
    const onRun = (tool, r, run) =>
      process.stderr.write(
        `  round ${r + 1} ${tool.name}: ${run.wallS.toFixed(2)} s${run.error ? ` FAILED ${run.error}` : ""}\n`,
      );
    summaries[group.id] = runGroup(meter, group, rounds, onRun);
    log(formatGroup(group.title, group.metric, summaries[group.id], group.skipped));
  }
  return summaries;
};
