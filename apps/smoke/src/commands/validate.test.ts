import { truncateSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { atomicWrite } from "@peak/cache";
import { describe, expect, it } from "vitest";
import { ohlcvCsv, runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();

describe("peak-smoke validate", () => {
  it("reports naive timestamps with exit code 1, and accepts them as UTC with --no-require-tz", () => {
    const file = temp().write(
      "naive.csv",
      ohlcvCsv(3, (_, cells) => (cells[0] = cells[0]!.replace("Z", ""))),
    );
    const strict = runCli(["validate", file, "--json"]);
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report.violations).toEqual([
      expect.objectContaining({ rule: "naive_timestamp", count: 3, rows: [0, 1, 2] }),
    ]);
    expect(runCli(["validate", file, "--json", "--no-require-tz"]).code).toBe(0);
  });

  it("reports injected defects at their exact rows", () => {
    const file = temp().write(
      "defects.csv",
      ohlcvCsv(50, (i, cells) => {
        if (i === 7) cells[2] = "98"; // high below low
        if (i === 21) cells[5] = "-1"; // negative volume
        if (i === 33) cells[4] = "abc"; // not numeric
      }),
    );
    const run = runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const byRule = Object.fromEntries(
      (JSON.parse(run.stdout).violations as Array<{ rule: string; rows: number[] }>).map((v) => [
        v.rule,
        v.rows,
      ]),
    );
    expect(byRule.high_below_low).toEqual([7]);
    expect(byRule.negative_volume).toEqual([21]);
    expect(byRule.not_numeric).toEqual([33]);
  });

  it("prints a table of violations in human mode", () => {
    const file = temp().write(
      "bad.csv",
      ohlcvCsv(4, (i, cells) => i === 2 && (cells[1] = "0")),
    );
    const run = runCli(["validate", file]);
    expect(run.stdout).toMatch(/non_positive_price\s+open\s+1\s+4/);
    expect(run.stdout).toContain("line 4: open 0");
    expect(run.code).toBe(1);
  });

  it("treats --no-strict as a structure-only check", () => {
    const file = temp().write(
      "bad.csv",
      ohlcvCsv(4, (i, cells) => i === 2 && (cells[1] = "0")),
    );
    expect(runCli(["validate", file, "--no-strict", "--json"]).code).toBe(0);
  });

  it("fails with exit code 2 on a missing file and names it", () => {
    const run = runCli(["validate", "/nonexistent/bars.csv", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    const { error } = JSON.parse(run.stdout);
    expect(error.message).toContain("/nonexistent/bars.csv");
    expect(Object.keys(error)).toEqual(["name", "code", "message", "hint"]);
    expect(runCli(["validate", "/nonexistent/bars.csv"]).stderr).toContain("/nonexistent/bars.csv");
  });

  it("fails with exit code 2 on a truncated Parquet file", () => {
    const t = temp();
    expect(runCli(["run", "--rows", "300", "--out", t.dir, "--json"]).code).toBe(0);
    const file = join(t.dir, "bars.parquet");
    expect(runCli(["validate", file, "--json"]).code).toBe(0);
    truncateSync(file, 100);
    const run = runCli(["validate", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bars.parquet");
  });

  it("validates an Arrow IPC file, reporting a defect at its row", async () => {
    const t = temp();
    const file = join(t.dir, "bars.arrow");
    const close = Float64Array.from([100.5, 100.5, -3, 100.5]);
    const table = aq.table({
      timestamp: Float64Array.from([0, 1, 2, 3], (i) => Date.UTC(2024, 0, 1) + i * 60_000),
      open: new Float64Array(4).fill(100),
      high: new Float64Array(4).fill(101),
      low: new Float64Array(4).fill(99),
      close,
      volume: new Float64Array(4).fill(10),
    });
    await atomicWrite(table, file);
    const run = runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const rules = (
      JSON.parse(run.stdout).violations as Array<{ rule: string; rows: number[] }>
    ).map((v) => [v.rule, v.rows]);
    expect(rules).toContainEqual(["non_positive_price", [2]]);
  });

  it("fails with exit code 2 on an unsupported extension", () => {
    const run = runCli(["validate", temp().write("bars.txt", "x")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unsupported file type");
  });
});
