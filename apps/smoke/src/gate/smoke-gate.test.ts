import { describe, expect, it } from "vitest";
import { ohlcvCsv, runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();

describe("smoke gate", () => {
  it("runs the whole pipeline on 1,000 rows and passes every step", () => {
    const t = temp();
    const run = runCli(["run", "--rows", "1000", "--out", t.dir, "--json"]);
    expect(run.stderr).toBe("");
    const summary = JSON.parse(run.stdout);
    expect(summary.steps.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(run.code).toBe(0);
  });

  it("validates a tiny clean CSV with exit code 0", () => {
    const t = temp();
    const file = t.write("bars.csv", ohlcvCsv(5));
    const run = runCli(["validate", file, "--json"]);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      rows: 5,
      violations: [],
      warnings: [],
      quality: { intervalMs: 3_600_000, intervalSource: "median", calendar: "24/7" },
      file,
    });
    expect(run.code).toBe(0);
  });
});
