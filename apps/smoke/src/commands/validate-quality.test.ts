import { describe, expect, it } from "vitest";
import { ohlcvCsv, runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();
const HOUR = 3_600_000;

/** Hourly bars whose close varies (so no bar repeats); `skip` hours are left out after row 20. */
const hourlyCsv = (rows: number, skip = 0, edit?: (i: number, cells: string[]) => void) =>
  ohlcvCsv(rows, (i, cells) => {
    cells[0] = new Date(Date.UTC(2024, 0, 1) + (i < 20 ? i : i + skip) * HOUR).toISOString();
    cells[4] = String(100 + (i % 7) * 0.1);
    edit?.(i, cells);
  });

/** A daily weekday CSV for 2001 H2 with the 9/11 closure (Tue 11 – Fri 14 Sep) and Labor Day. */
const weekdayCsv = (): { text: string; sept17: number } => {
  const closed = [3, 11, 12, 13, 14].map((d) => Date.UTC(2001, 8, d));
  const lines = ["timestamp,open,high,low,close,volume"];
  for (let t = Date.UTC(2001, 6, 2); t < Date.UTC(2001, 11, 31); t += 86_400_000) {
    const dow = new Date(t).getUTCDay();
    if (dow === 0 || dow === 6 || closed.includes(t)) continue;
    const close = 100 + (lines.length % 5) * 0.3;
    lines.push(`${new Date(t).toISOString()},100,102,98,${close},${1000 + lines.length}`);
  }
  const sept17 = lines.findIndex((l) => l.startsWith("2001-09-17")) - 1;
  return { text: `${lines.join("\n")}\n`, sept17 };
};

describe("peak-smoke validate: quality warnings", () => {
  it("includes warnings in --json and keeps exit code 0 on warnings alone", () => {
    const run = runCli(["validate", temp().write("gap.csv", hourlyCsv(60, 5)), "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.quality).toEqual({
      intervalMs: HOUR,
      intervalSource: "median",
      calendar: "24/7",
    });
    expect(report.warnings).toEqual([
      expect.objectContaining({ rule: "gap", column: "timestamp", rows: [20], lengths: [5] }),
    ]);
  });

  it("exits 1 on warnings with --fail-on-warnings, 0 on a clean file", () => {
    const t = temp();
    expect(
      runCli(["validate", t.write("gap.csv", hourlyCsv(60, 5)), "--fail-on-warnings"]).code,
    ).toBe(1);
    const clean = runCli([
      "validate",
      t.write("ok.csv", hourlyCsv(60)),
      "--fail-on-warnings",
      "--json",
    ]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).warnings).toEqual([]);
  });

  it("prints warnings after the violations in human mode", () => {
    const file = temp().write(
      "both.csv",
      hourlyCsv(60, 5, (i, cells) => i === 3 && (cells[5] = "-1")),
    );
    const run = runCli(["validate", file]);
    expect(run.code).toBe(1);
    const violation = run.stdout.indexOf("negative_volume");
    const warning = run.stdout.indexOf("warning gap timestamp: 1 gap");
    expect(violation).toBeGreaterThan(-1);
    expect(warning).toBeGreaterThan(violation);
    expect(run.stdout).toContain("5 missing bars at row 20");
    expect(run.stdout).toContain("first rows: 20");
  });

  it("takes --interval and --max-missing-bars", () => {
    const file = temp().write("h.csv", hourlyCsv(30));
    const half = runCli(["validate", file, "--json", "--interval", "30m"]);
    expect(JSON.parse(half.stdout)).toMatchObject({
      warnings: [],
      quality: { intervalMs: 1_800_000, intervalSource: "option" },
    });
    const strict = runCli([
      "validate",
      file,
      "--json",
      "--interval",
      "30m",
      "--max-missing-bars",
      "0",
    ]);
    expect(JSON.parse(strict.stdout).warnings[0]).toMatchObject({ rule: "gap", count: 29 });
  });

  it("reports a four-day closure once on --calendar weekdays, and no single holiday", () => {
    const { text, sept17 } = weekdayCsv();
    const run = runCli([
      "validate",
      temp().write("d.csv", text),
      "--json",
      "--calendar",
      "weekdays",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toEqual([
      expect.objectContaining({ rule: "gap", count: 1, rows: [sept17], lengths: [4] }),
    ]);
  });

  it.each([
    [["--interval", "5 minutes"], "--interval must be a positive duration"],
    [["--interval", "0m"], "--interval must be a positive duration"],
    [["--calendar", "weekday"], "Did you mean `weekdays`?"],
    [["--max-missing-bars", "two"], "--max-missing-bars must be a whole number"],
  ])("rejects %j with exit code 2", (flags, text) => {
    const run = runCli(["validate", temp().write("x.csv", hourlyCsv(5)), ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(text);
  });
});
