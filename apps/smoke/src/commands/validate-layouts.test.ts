import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ohlcvCsv, runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();
const BIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const T0 = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const json = (args: string[]) => {
  const run = runCli([...args, "--json"]);
  return { code: run.code, out: JSON.parse(run.stdout) };
};

describe("peak-smoke validate layouts and report", () => {
  it("prints file lines and offending values, and lines in --json", () => {
    const text = ohlcvCsv(5, (i, c) => i === 3 && ((c[2] = "1402.5"), (c[3] = "1410.0")));
    const file = temp().write("bad.csv", text.replace("\n", "\n\n"));
    const run = runCli(["validate", file]);
    expect(run.stdout).toContain("line 6: high 1402.5 < low 1410");
    const { out } = json(["validate", file]);
    expect(out.violations[0]).toMatchObject({ rule: "high_below_low", rows: [3], lines: [6] });
  });

  it("reads CSV from stdin with -", () => {
    const run = spawnSync(process.execPath, [BIN, "validate", "-", "--json"], {
      input: ohlcvCsv(3),
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, rows: 3, file: "-" });
  });

  it("maps columns, and hints name CLI flags", () => {
    const file = temp().write(
      "t.csv",
      "Time,open,high,low,close,volume\n2024-01-01 00:00,1,2,1,1,5\n",
    );
    const { out } = json(["validate", file]);
    expect(out.violations[0].hint).toContain("--columns timestamp=Time");
    const mapped = json(["validate", file, "--columns", "timestamp=Time"]);
    expect(mapped.out.violations[0].hint).toContain("--no-require-tz");
    expect(
      json(["validate", file, "--columns", "timestamp=Time", "--timezone", "Europe/Berlin"]).code,
    ).toBe(0);
  });

  it("suggests the flag for a mistyped one", () => {
    const { code, out } = json(["validate", "x.csv", "--epoc-unit", "s"]);
    expect(code).toBe(2);
    expect(out.error).toMatchObject({ name: "ConfigError", code: "CONFIG" });
    expect(out.error.hint).toContain("--epoch-unit");
  });

  it.each([
    [
      "a Yahoo download",
      "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,187.15,188.44,183.89,185.64,184.29,82488700\n2024-01-03,184.22,185.88,183.43,184.25,182.91,58414500\n",
      ["--layout", "yahoo"],
      undefined,
    ],
    [
      "a Binance kline dump (ms)",
      `${T0},1,2,1,1,5,${T0 + H - 1},9,9,9,9,0\n${T0 + H},1,2,1,1,5,${T0 + 2 * H - 1},9,9,9,9,0\n`,
      ["--layout", "binance-klines"],
      "ms",
    ],
    [
      "a Binance kline dump (µs)",
      `${T0 * 1000},1,2,1,1,5,${T0 * 1000},9,9,9,9,0\n${(T0 + H) * 1000},1,2,1,1,5,${T0 * 1000},9,9,9,9,0\n`,
      ["--layout", "binance-klines"],
      "us",
    ],
    ["CCXT candles", `${T0},1,2,1,1,5\n${T0 + H},1,2,1,1,5\n`, ["--layout", "ccxt"], "ms"],
    [
      "a semicolon file",
      "timestamp;open;high;low;close;volume\n2024-01-01T00:00Z;1.5;2;1;1;5\n",
      [],
      undefined,
    ],
    [
      "an epoch-seconds file",
      `timestamp,open,high,low,close,volume\n${T0 / 1000},1,2,1,1,5\n${T0 / 1000 + 3600},1,2,1,1,5\n`,
      [],
      "s",
    ],
  ])("judges %s with at most one flag", (_name, text, flags, unit) => {
    const file = temp().write("f.csv", text);
    const { code, out } = json(["validate", file, ...flags]);
    expect(out.violations).toEqual([]);
    expect(code).toBe(0);
    expect(out.timestampUnit).toBe(unit);
  });
});
