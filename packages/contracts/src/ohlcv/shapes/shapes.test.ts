import { fc, test } from "@fast-check/vitest";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { parseOhlcvCsv } from "../../csv/parse-ohlcv-csv";
import { checkOhlcv } from "../check-ohlcv";
import { fromCandles } from "./from-candles";
import { partitionOhlcv } from "./partition-ohlcv";

const T0 = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const candles = [
  [T0, 100, 105, 99, 103, 10],
  [T0 + H, 103, 106, 102, 104, 12],
  [T0 + 2 * H, 104, 101, 102, 103, 9], // high < low
];

describe("in-memory shapes", () => {
  it("checks CCXT candle rows directly and through fromCandles", () => {
    const direct = checkOhlcv(candles);
    expect(direct.violations).toMatchObject([{ rule: "high_below_low", rows: [2] }]);
    expect(checkOhlcv(fromCandles(candles))).toEqual(direct);
    expect(fromCandles(candles).column("open")).toEqual(Float64Array.of(100, 103, 104));
  });

  it("checks arrays of candle objects, keeping extra keys", () => {
    const objects = candles.map(([timestamp, open, high, low, close, volume]) => ({
      timestamp,
      open,
      high,
      low,
      close,
      volume,
      symbol: "BTC/USDT",
    }));
    expect(checkOhlcv(objects).violations).toMatchObject([{ rule: "high_below_low", rows: [2] }]);
    expect(fromCandles(objects).column("symbol")).toEqual(["BTC/USDT", "BTC/USDT", "BTC/USDT"]);
  });

  it("rejects mixed or malformed candles with ConfigError", () => {
    expect(() => fromCandles([[T0, 1, 1, 1, 1, 1], { timestamp: T0 }])).toThrow(/Candle 1/);
    try {
      checkOhlcv([null] as unknown as object);
    } catch (e) {
      expect(isConfigError(e)).toBe(true);
      return;
    }
    throw new Error("expected a ConfigError");
  });

  it("returns every failing row and a table of only the valid ones", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [
      T0 + i * H,
      100,
      105,
      99,
      103,
      i % 2 ? -1 : 5,
    ]);
    const { report, invalidRows, valid } = partitionOhlcv(rows);
    expect(report.violations[0]).toMatchObject({ rule: "negative_volume", count: 25 });
    expect(report.violations[0]?.rows).toHaveLength(20);
    expect(invalidRows).toEqual(Array.from({ length: 25 }, (_, i) => 2 * i + 1));
    expect(valid.numRows()).toBe(25);
    expect(checkOhlcv(valid).ok).toBe(true);
  });

  it("keeps no row when a required column is missing", () => {
    const { invalidRows, valid } = partitionOhlcv({ timestamp: [T0], open: [1] });
    expect([invalidRows, valid.numRows()]).toEqual([[0], 0]);
  });

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 9 })), {
      maxLength: 40,
    }),
  ])("always yields a valid table", (steps) => {
    const lines = steps.map(
      ([dt, v], i) => `${T0 + (i + dt) * H},${v},${v + 1},${v - 1},${v},${v - 2}`,
    );
    const table = parseOhlcvCsv(["timestamp,open,high,low,close,volume", ...lines].join("\n"));
    const { valid, invalidRows, report } = partitionOhlcv(table);
    expect(valid.numRows() + invalidRows.length).toBe(report.rows);
    if (valid.numRows() > 0) expect(checkOhlcv(valid).ok).toBe(true);
  });
});
