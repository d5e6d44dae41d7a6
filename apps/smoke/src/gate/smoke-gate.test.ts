import { afterEach, describe, expect, it } from "vitest";
import { ohlcvCsv, runCli, tempDir } from "../test-cli";

describe("smoke gate", () => {
  const temps: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  it("runs the whole pipeline on 1,000 rows and passes every step", () => {
    const t = tempDir();
    temps.push(t);
    const run = runCli(["run", "--rows", "1000", "--out", t.dir, "--json"]);
    expect(run.stderr).toBe("");
    const summary = JSON.parse(run.stdout);
    expect(summary.steps.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(run.code).toBe(0);
  });

  it("validates a tiny clean CSV with exit code 0", () => {
    const t = tempDir();
    temps.push(t);
    const file = t.write("bars.csv", ohlcvCsv(5));
    const run = runCli(["validate", file, "--json"]);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, rows: 5, violations: [], file });
    expect(run.code).toBe(0);
  });
});
