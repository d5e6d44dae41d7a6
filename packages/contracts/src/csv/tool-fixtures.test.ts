import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../ohlcv/check-ohlcv";
import type { OhlcvCsvOptions } from "./csv-options";
import { parseOhlcvCsv } from "./parse-ohlcv-csv";

// Written by scripts/make-fixtures.py (pandas, polars, DuckDB) and scripts/make-fixtures.mjs.
const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/tools/${name}`, import.meta.url), "utf8");
const T0 = Date.UTC(2024, 2, 8);
const hourly = Float64Array.from({ length: 72 }, (_, i) => T0 + i * 3_600_000);

describe("files written by real tools", () => {
  it.each([
    ["pandas-utc.csv", {}],
    ["pandas-semicolon.csv", {}],
    ["polars-utc.csv", {}],
    ["duckdb-utc.csv", {}],
    ["pandas-epoch-seconds.csv", {}],
    ["pandas-naive-new-york.csv", { timezone: "America/New_York" }],
  ] as [string, OhlcvCsvOptions][])("reads %s to the same hourly UTC bars", (name, options) => {
    const table = parseOhlcvCsv(fixture(name), options);
    expect(table.column("timestamp")).toEqual(hourly);
    expect(checkOhlcv(table).ok).toBe(true);
  });

  it("reports pandas' zone-less export as naive without a timezone", () => {
    const report = checkOhlcv(parseOhlcvCsv(fixture("pandas-naive-new-york.csv")));
    expect(report.violations).toMatchObject([{ rule: "naive_timestamp", count: 72 }]);
  });

  it.each([
    ["yahoo.csv", { layout: "yahoo" }, undefined],
    ["binance-klines-ms.csv", { layout: "binance-klines" }, "ms"],
    ["binance-klines-us.csv", { layout: "binance-klines" }, "us"],
    ["ccxt.csv", { layout: "ccxt" }, "ms"],
    ["semicolon.csv", {}, undefined],
    ["epoch-seconds.csv", {}, "s"],
  ] as [string, OhlcvCsvOptions, string | undefined][])(
    "judges %s clean",
    (name, options, unit) => {
      const report = checkOhlcv(parseOhlcvCsv(fixture(name), options));
      expect(report).toMatchObject({ ok: true, violations: [] });
      expect(report.timestampUnit).toBe(unit);
    },
  );

  it("judges CCXT candles as they come", () => {
    const candles = JSON.parse(fixture("ccxt-candles.json")) as number[][];
    expect(checkOhlcv(candles)).toMatchObject({ ok: true, rows: 24, timestampUnit: "ms" });
  });
});
