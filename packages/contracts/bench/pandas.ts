// Runs bench/pandas_rules.py on the same columns, when Python with pandas is present.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Columns } from "./data";

const python = process.env.PEAK_BENCH_PYTHON ?? "python3";
const script = fileURLToPath(new URL("./pandas_rules.py", import.meta.url));

export interface PandasResult {
  pandas: string;
  original_clean_s: number;
  all_rules_clean_s: number;
  all_rules_defects_s: number;
  defect_rules: number;
  frame_bytes: number;
  max_rss_bytes: number;
}

/** Why pandas cannot run, or undefined when it can. */
export const pandasMissing = (): string | undefined => {
  const probe = spawnSync(python, ["-c", "import pandas"], { encoding: "utf8" });
  if (probe.error) return `${python} not found`;
  return probe.status === 0 ? undefined : `${python} has no pandas (set PEAK_BENCH_PYTHON)`;
};

/** Writes the clean columns as raw float64 files and times the pandas rules on them. */
export const runPandas = (cols: Columns, rounds: number): PandasResult => {
  const dir = mkdtempSync(join(tmpdir(), "peak-contracts-bench-"));
  try {
    for (const [name, values] of Object.entries(cols)) {
      writeFileSync(
        join(dir, `${name}.f64`),
        new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
      );
    }
    const out = spawnSync(python, [script, dir, String(cols.open.length), String(rounds)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (out.status !== 0) throw new Error(`pandas_rules.py failed: ${out.stderr}`);
    return JSON.parse(out.stdout) as PandasResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
