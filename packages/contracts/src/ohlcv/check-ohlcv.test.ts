import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { HOUR, T0, typedFrame, validFrame, without } from "./__fixtures__/frames";
import { checkOhlcv } from "./check-ohlcv";
import type { OhlcvRule } from "./types";

const rulesOf = (table: object, options = {}) =>
  checkOhlcv(table, options).violations.map((v) => `${v.rule}:${v.column ?? ""}`);

const only = (table: object, rule: OhlcvRule, options = {}) => {
  const report = checkOhlcv(table, options);
  expect(report.ok).toBe(false);
  return report.violations.find((v) => v.rule === rule);
};

describe("checkOhlcv on valid data", () => {
  it("passes the plain-array fixture", () => {
    expect(checkOhlcv(validFrame())).toEqual({
      ok: true,
      rows: 3,
      violations: [],
      timestampUnit: "ms",
    });
  });

  it("passes Float64Array columns and an arquero table", () => {
    expect(checkOhlcv(typedFrame(50)).ok).toBe(true);
    expect(checkOhlcv(aq.table(typedFrame(50))).ok).toBe(true);
  });

  it("reads a Float64Array of epoch ms in place only when every value is a valid ms stamp", () => {
    const rowsOf = (stamps: number[], epochUnit?: "ms") => {
      const f = typedFrame(stamps.length);
      f.timestamp = Float64Array.from(stamps);
      const report = checkOhlcv(f, epochUnit === undefined ? {} : { epochUnit });
      return report.violations.flatMap((v) => (v.rule === "invalid_timestamp" ? v.rows : []));
    };
    expect(rowsOf([T0, T0 + HOUR, T0 + 2 * HOUR])).toEqual([]);
    // Under auto, ms means 1e11 <= v < 1e13; NaN, an out-of-window value and 1e13 itself fail.
    expect(rowsOf([1e11, T0, 1e13 - 1])).toEqual([]);
    expect(rowsOf([T0, Number.NaN, T0 + 2 * HOUR])).toEqual([1]);
    expect(rowsOf([T0, T0 + HOUR, 1e13])).toEqual([2]);
    expect(rowsOf([1e11 - 1, T0, T0 + HOUR])).toEqual([0]);
    // A fixed "ms" unit allows the whole Date range, both ends included.
    expect(rowsOf([-8.64e15, 0, 8.64e15], "ms")).toEqual([]);
    expect(rowsOf([0, 1, 8.64e15 + 1], "ms")).toEqual([2]);
  });

  it("finds a defect at every position of the four-row blocks and the tail", () => {
    const defects: [string, (f: Record<string, Float64Array>, k: number) => void][] = [
      ["non_positive_price:low", (f, k) => (f.low![k] = 0)],
      ["high_below_low:undefined", (f, k) => (f.high![k] = f.low![k]! - 1)],
      ["negative_volume:volume", (f, k) => (f.volume![k] = -1)],
      ["duplicate_timestamps:timestamp", (f, k) => (f.timestamp![k] = f.timestamp![k - 1]!)],
    ];
    for (const [rule, inject] of defects) {
      for (let k = rule.startsWith("duplicate") ? 1 : 0; k < 11; k++) {
        const f = typedFrame(11);
        inject(f, k);
        const found = checkOhlcv(f).violations.map((v) => [`${v.rule}:${v.column}`, v.rows]);
        expect([k, found]).toEqual([k, [[rule, [k]]]]);
      }
    }
    const f = typedFrame(11);
    [4, 5, 9].forEach((k) => (f.volume![k] = -1));
    expect(checkOhlcv(f).violations).toMatchObject([{ rule: "negative_volume", rows: [4, 5, 9] }]);
  });

  it("accepts numeric strings, Dates and zoned ISO strings", () => {
    const f = validFrame();
    f.close = ["103.0", "104", " 1.05e2 "];
    f.timestamp = [new Date(T0), "2024-01-01T01:00:00Z", "2024-01-01T03:00:00+01:00"];
    expect(checkOhlcv(f)).toMatchObject({ ok: true });
  });

  it("allows extra columns, high == low and zero volume", () => {
    const f = { ...validFrame(), symbol: ["A", "A", "A"] };
    f.open = [99, 100, 101];
    f.close = [99, 100, 101];
    f.high = [99, 100, 101];
    f.volume = [0, 0, 0];
    expect(checkOhlcv(f).ok).toBe(true);
  });
});

describe("checkOhlcv rules", () => {
  it("reports every missing column at once", () => {
    const v = checkOhlcv(without(without(validFrame(), "volume"), "open")).violations;
    expect(v.map((x) => [x.rule, x.column, x.count])).toEqual([
      ["missing_column", "open", 1],
      ["missing_column", "volume", 1],
    ]);
    expect(v[0]?.hint).toContain("open");
  });

  it("reports not_numeric per cell and does not call it nan too", () => {
    const f = validFrame();
    f.close = ["not", 104, true];
    const v = only(f, "not_numeric");
    expect(v).toMatchObject({ column: "close", count: 2, rows: [0, 2] });
    expect(rulesOf(f)).toEqual(["not_numeric:close"]);
  });

  it("reports NaN and missing values, exempting volume with allowPartialNans", () => {
    const f = validFrame();
    f.close[1] = Number.NaN;
    f.volume = [null, 1100, undefined];
    expect(only(f, "nan")).toMatchObject({ column: "close", count: 1, rows: [1] });
    expect(rulesOf(f)).toEqual(["nan:close", "nan:volume"]);
    expect(rulesOf(f, { allowPartialNans: true })).toEqual(["nan:close"]);
  });

  it("reports ±Infinity as not_finite", () => {
    const f = validFrame();
    f.high[2] = Infinity;
    f.volume[0] = -Infinity;
    expect(rulesOf(f)).toEqual(["not_finite:high", "not_finite:volume"]);
  });

  it("reports prices <= 0 per column", () => {
    const f = validFrame();
    f.low[1] = -1;
    f.open[2] = 0;
    f.low[2] = 0;
    expect(only(f, "non_positive_price")).toMatchObject({ column: "open", rows: [2] });
    const lows = checkOhlcv(f).violations.filter((v) => v.column === "low");
    expect(lows).toMatchObject([{ rule: "non_positive_price", count: 2, rows: [1, 2] }]);
  });

  it("reports high below low without a range violation for that row", () => {
    const f = validFrame();
    f.high[1] = 90;
    f.low[1] = 95;
    expect(only(f, "high_below_low")).toMatchObject({ count: 1, rows: [1] });
    expect(rulesOf(f)).toEqual(["high_below_low:"]);
  });

  it("reports open and close outside [low, high]", () => {
    const f = validFrame();
    f.open[0] = 98;
    f.close[2] = 200;
    expect(rulesOf(f)).toEqual(["ohlc_out_of_range:open", "ohlc_out_of_range:close"]);
  });

  it("reports negative volume", () => {
    const f = validFrame();
    f.volume[1] = -100;
    expect(only(f, "negative_volume")).toMatchObject({ column: "volume", rows: [1] });
  });

  it("reports invalid, naive, unsorted and duplicate timestamps", () => {
    const f = validFrame(6);
    f.timestamp = [T0, "garbage", "2024-01-01T02:00:00", T0 + 3 * HOUR, T0 + HOUR, T0 + HOUR];
    expect(rulesOf(f)).toEqual([
      "invalid_timestamp:timestamp",
      "naive_timestamp:timestamp",
      "unsorted_timestamps:timestamp",
      "duplicate_timestamps:timestamp",
    ]);
    expect(only(f, "unsorted_timestamps")?.rows).toEqual([4]);
    expect(only(f, "duplicate_timestamps")?.rows).toEqual([5]);
  });

  it("finds duplicates that are not adjacent in an unsorted column", () => {
    const f = validFrame(4);
    f.timestamp = [T0 + 2 * HOUR, T0, T0 + 2 * HOUR, T0 + 3 * HOUR];
    expect(only(f, "duplicate_timestamps")).toMatchObject({ count: 1, rows: [2] });
  });

  it("reads naive stamps as UTC when requireTz is false", () => {
    const f = validFrame();
    f.timestamp = ["2024-01-01 00:00", "2024-01-01T01:00:00", "2024-01-01T02:00:00.000"];
    expect(checkOhlcv(f, { requireTz: false }).ok).toBe(true);
  });

  it("checks only structure with strict false", () => {
    const f = validFrame();
    f.timestamp = [T0 + 2 * HOUR, T0 + HOUR, "2024-01-01"];
    f.low[0] = -5;
    expect(rulesOf(f, { strict: false })).toEqual(["naive_timestamp:timestamp"]);
    expect(rulesOf(without(f, "close"), { strict: false })).toContain("missing_column:close");
  });

  it("caps rows at 20 while counting all", () => {
    const f = typedFrame(100);
    (f.volume as Float64Array).fill(-1);
    const v = only(f, "negative_volume");
    expect(v?.count).toBe(100);
    expect(v?.rows).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("uses a custom timestamp column", () => {
    const f = without(validFrame(), "timestamp");
    expect(checkOhlcv({ ...f, time: validFrame().timestamp }, { timestampColumn: "time" }).ok).toBe(
      true,
    );
  });
});
