#!/usr/bin/env node
// pnpm bench:data — the data-path benchmark of issue 19: our built code against pandas, polars
// and DuckDB on the same machine, every run a fresh process, tools rotated each round, medians.
//
//   pnpm bench:data                     10M-row CSV (~720 MB) + 1M rows; PEAK_BENCH_ROWS scales
//   pnpm bench:data -- --self-check     tiny sizes, proves every peer finds the same defects and
//                                       that the verdicts cannot pass on missing data (seconds)
//   options: --no-build (skip `turbo run build`), --clean (delete the cached inputs afterwards)
//   env: BENCH_ONLY (group id prefixes, e.g. validate or validateBig,check; default all),
//        PEAK_BENCH_ROWS (default 10000000; the small CSV and Parquet use a tenth),
//        PEAK_BENCH_ROUNDS (default and minimum 3), PEAK_BENCH_DIR (input cache folder,
//        default <tmp>/peak-bench-data), PEAK_BENCH_PYTHON (a Python with the peers).
//
// Python peers: any Python >= 3.11 with pandas, pyarrow, polars and duckdb. pip on these
// machines installs from the local wheel index, so this is enough:
//   python3 -m venv /tmp/peak-bench-venv
//   /tmp/peak-bench-venv/bin/pip install pandas pyarrow polars duckdb
//   PEAK_BENCH_PYTHON=/tmp/peak-bench-venv/bin/python pnpm bench:data
// Without PEAK_BENCH_PYTHON only the Node part runs (ours, Node DuckDB, raw writes) and every
// goal that needs a Python peer says SKIPPED.
//
// Measured per run: wall time around the spawn, CPU seconds (user + sys) and peak RSS of the
// child from GNU time (/usr/bin/time) or, without it, a Python wait4 wrapper. In-process
// drivers (Parquet, raw bytes, checkOhlcv) also report the operation's own wall/CPU time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig } from "./config.mjs";
import { ensureInputs } from "./inputs.mjs";
import { CACHE_DIST, CONTRACTS_DIST, HERE, ROOT, SMOKE_MAIN } from "./paths.mjs";
import { runComparisons } from "./comparisons.mjs";
import { detectMeter } from "./run-child.mjs";
import { selfCheck } from "./self-check.mjs";
import { issueGoals, judge } from "./verdicts.mjs";

const log = (line = "") => process.stdout.write(`${line}\n`);
const config = (() => {
  try {
    return readConfig(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench:data: ${error.message}\n`);
    process.exit(2);
  }
})();
if (config.help) {
  log("usage: pnpm bench:data [-- --self-check] [--no-build] [--clean]; see the header of");
  log(`${join(HERE, "main.mjs")} for the environment variables.`);
  process.exit(0);
}

const build = () => {
  const turbo = join(ROOT, "node_modules", ".bin", "turbo");
  log("building @peak/smoke and its dependencies (turbo, cached when unchanged)…");
  const r = spawnSync(
    turbo,
    ["run", "build", "--filter=@peak/smoke...", "--output-logs=errors-only"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    },
  );
  if (r.status !== 0) throw new Error(`build failed (exit ${r.status}); run pnpm build to see why`);
};

if (config.build || ![SMOKE_MAIN, CACHE_DIST, CONTRACTS_DIST].every(existsSync)) build();
const meter = detectMeter();
const busy = () => loadavg()[1] > cpus().length;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const py = config.python;
log(`bench:data — Node ${process.version}, ${cpus().length} cores, load ${load()}, meter ${meter}`);
if (py.bin) log(`python ${py.bin}: ${JSON.stringify(py.versions)}`);
if (py.skipped.length > 0) log(`skipped peers: ${py.skipped.join("; ")}`);
log(`rounds ${config.rounds}, sizes ${JSON.stringify(config.sizes)}`);

const inputDir = config.selfCheck
  ? mkdtempSync(join(tmpdir(), "peak-bench-self-"))
  : config.inputDir;
const work = mkdtempSync(join(tmpdir(), "peak-bench-work-"));
let failures = 0;
try {
  log(`inputs in ${inputDir}${config.selfCheck ? "" : " (reused while size and SHA-256 match)"}`);
  const inputs = ensureInputs(inputDir, config.sizes, log);
  if (config.selfCheck) failures += selfCheck({ dir: inputDir, py, meter, log });
  const summaries = runComparisons({ config, inputs, work, meter, log });
  log(`\nload after: ${load()}`);
  if (busy()) {
    log(`note: the machine was busy (load above ${cpus().length} cores): wall times include`);
    log("waiting for a core; compare the CPU s columns too before trusting a close verdict");
  }
  for (const goal of issueGoals(config.sizes).filter((g) => config.only(g.group))) {
    const v = judge(goal, summaries[goal.group] ?? []);
    log(v.text);
  }
  for (const group of Object.values(summaries)) failures += group.filter((s) => s.error).length;
} finally {
  rmSync(work, { recursive: true, force: true });
  if (config.selfCheck || config.clean) rmSync(inputDir, { recursive: true, force: true });
}
if (failures > 0) log(`\n${failures} tool(s) or self-check step(s) FAILED (see above)`);
process.exitCode = failures > 0 ? 1 : 0;
