import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { checkOhlcv } from "./check-ohlcv";
import { parseOhlcvCsv } from "../csv/parse-ohlcv-csv";
import type { OhlcvRule } from "./types";

interface Frame {
  timestamp: unknown[];
  open: unknown[];
  high: unknown[];
  low: unknown[];
  close: unknown[];
  volume: unknown[];
}

const bar = fc.record({
  gap: fc.integer({ min: 1, max: 86_400_000 }),
  low: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
  span: fc.double({ min: 0, max: 1000, noNaN: true }),
  openAt: fc.double({ min: 0, max: 1, noNaN: true }),
  closeAt: fc.double({ min: 0, max: 1, noNaN: true }),
  volume: fc.double({ min: 0, max: 1e9, noNaN: true }),
});

/** Random valid frames: strictly increasing stamps, low <= open, close <= high, volume >= 0. */
const validFrame = fc.array(bar, { minLength: 2, maxLength: 60 }).map((bars) => {
  const f: Frame = { timestamp: [], open: [], high: [], low: [], close: [], volume: [] };
  let t = Date.UTC(2020, 0, 1);
  for (const b of bars) {
    t += b.gap;
    const high = b.low + b.span;
    f.timestamp.push(t);
    f.low.push(b.low);
    f.high.push(high);
    f.open.push(Math.min(high, b.low + b.span * b.openAt));
    f.close.push(Math.min(high, b.low + b.span * b.closeAt));
    f.volume.push(b.volume);
  }
  return f;
});

type Defect = [OhlcvRule, keyof Frame, (f: Frame, k: number) => unknown];
const num = (v: unknown) => v as number;
const DEFECTS: Defect[] = [
  ["not_numeric", "close", () => "n/a"],
  ["nan", "close", () => Number.NaN],
  ["nan", "open", () => null],
  ["not_finite", "high", () => Infinity],
  ["not_finite", "volume", () => -Infinity],
  ["non_positive_price", "low", () => -0.5],
  ["high_below_low", "high", (f, k) => num(f.low[k]) / 2],
  ["ohlc_out_of_range", "open", (f, k) => num(f.high[k]) * 2 + 1],
  ["ohlc_out_of_range", "close", (f, k) => num(f.low[k]) / 2],
  ["negative_volume", "volume", () => -1],
  ["invalid_timestamp", "timestamp", () => "not a time"],
  [
    "naive_timestamp",
    "timestamp",
    (f, k) => new Date(num(f.timestamp[k])).toISOString().slice(0, -1),
  ],
  ["unsorted_timestamps", "timestamp", (f, k) => num(f.timestamp[k - 1]) - 0.5],
  ["duplicate_timestamps", "timestamp", (f, k) => f.timestamp[k - 1]],
];

/** One CSV row of cells per bar, timestamps as ISO-8601 UTC. */
const csvCells = (f: Frame): unknown[][] =>
  f.open.map((_, i) => [
    new Date(num(f.timestamp[i])).toISOString(),
    f.open[i],
    f.high[i],
    f.low[i],
    f.close[i],
    f.volume[i],
  ]);

const columnOf = (rule: OhlcvRule, column: keyof Frame): string | undefined =>
  rule === "high_below_low" ? undefined : column;

describe("checkOhlcv properties", () => {
  test.prop([validFrame, fc.boolean()])("passes every valid frame", (f, typed) => {
    const input = typed
      ? Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Float64Array.from(v as number[])]))
      : f;
    expect(checkOhlcv(input)).toEqual({
      ok: true,
      rows: f.open.length,
      violations: [],
      timestampUnit: "ms",
    });
  });

  test.prop([validFrame, fc.nat(), fc.constantFrom(...DEFECTS)])(
    "reports a defect injected at a random row at exactly that row",
    (f, seed, [rule, column, make]) => {
      const k = 1 + (seed % (f.open.length - 1));
      f[column][k] = make(f, k);
      const { violations } = checkOhlcv(f);
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatchObject({ rule, count: 1, rows: [k] });
      expect(violations[0]?.column).toBe(columnOf(rule, column));
    },
  );

  test.prop([validFrame])("finds the same defect in Float64Array columns", (f) => {
    const k = f.open.length - 1;
    const typed = Object.fromEntries(
      Object.entries(f).map(([key, v]) => [key, Float64Array.from(v as number[])]),
    );
    (typed.low as Float64Array)[k] = 0;
    expect(checkOhlcv(typed).violations).toMatchObject([{ rule: "non_positive_price", rows: [k] }]);
  });

  test.prop([validFrame])("round-trips valid frames through CSV", (f) => {
    const lines = csvCells(f).map((c) => c.join(","));
    const table = parseOhlcvCsv(["timestamp,open,high,low,close,volume", ...lines].join("\n"));
    expect(checkOhlcv(table).ok).toBe(true);
    expect(Array.from(table.column("close") as Float64Array)).toEqual(f.close);
  });

  test.prop([validFrame, fc.nat(), fc.constantFrom("open", "high", "low", "close", "volume")])(
    "reports a bad CSV cell at exactly its row",
    (f, seed, column) => {
      const k = seed % f.open.length;
      const cells = csvCells(f);
      const at = ["open", "high", "low", "close", "volume"].indexOf(column) + 1;
      (cells[k] as unknown[])[at] = "#N/A";
      (cells[f.open.length - 1 - k] as unknown[])[0] = "later";
      const text = ["timestamp,open,high,low,close,volume", ...cells.map((c) => c.join(","))].join(
        "\n",
      );
      const { violations } = checkOhlcv(parseOhlcvCsv(text));
      expect(violations).toContainEqual(
        expect.objectContaining({ rule: "not_numeric", column, count: 1, rows: [k] }),
      );
      expect(violations).toContainEqual(
        expect.objectContaining({
          rule: "invalid_timestamp",
          count: 1,
          rows: [f.open.length - 1 - k],
        }),
      );
    },
  );
});
