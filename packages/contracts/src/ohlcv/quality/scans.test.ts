import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../check-ohlcv";
import { MINUTE, regularSeries, seriesAt, setBar, T0, type Series } from "./__fixtures__/series";

// Each warning as rule (with its kind), rows and lengths.
const warnings = (s: object, quality: object = {}) =>
  (checkOhlcv(s, { quality }).warnings ?? []).map((w) => ({
    rule: w.kind === undefined ? w.rule : `${w.rule}:${w.kind}`,
    rows: w.rows,
    lengths: w.lengths,
  }));

// Rows `from` to `to` (exclusive) repeat the bar at `from`.
const freeze = (s: Series, from: number, to: number): void => {
  for (let i = from + 1; i < to; i++) {
    for (const k of ["open", "high", "low", "close", "volume"] as const) s[k][i] = s[k][from]!;
  }
};

const stale = { rules: ["stale_price"], staleBars: 3 };

describe("the bar scan", () => {
  it("finds a frozen feed at the first rows and one that lasts to the end", () => {
    const s = regularSeries(20);
    freeze(s, 0, 4);
    freeze(s, 15, 20);
    expect(warnings(s, stale)).toEqual([{ rule: "stale_price", rows: [0, 15], lengths: [4, 5] }]);
  });

  it.each(["open", "high", "low", "close"] as const)(
    "ends a frozen run when only %s changes",
    (field) => {
      const s = regularSeries(20);
      freeze(s, 5, 12);
      s[field][8] = s[field][8]! * (field === "high" ? 1.0001 : 0.9999); // rows 5-7, 9-11 left
      expect(warnings(s, stale)).toEqual([{ rule: "stale_price", rows: [5, 9], lengths: [3, 3] }]);
    },
  );

  it("counts a repeated bar with zero volume as frozen, one with other volume as not", () => {
    const s = regularSeries(20);
    freeze(s, 5, 10);
    for (let i = 6; i < 10; i++) s.volume[i] = 0;
    expect(warnings(s, stale)).toEqual([{ rule: "stale_price", rows: [5], lengths: [5] }]);
    for (let i = 6; i < 10; i++) s.volume[i] = 500 + i;
    expect(warnings(s, stale)).toEqual([]);
  });

  it("finds zero volume from the first row, and a single zero bar when zeroVolumeBars is 1", () => {
    const s = regularSeries(20);
    for (let i = 0; i < 3; i++) s.volume[i] = 0;
    const zero = { rules: ["zero_volume"] };
    expect(warnings(s, zero)).toEqual([{ rule: "zero_volume", rows: [0], lengths: [3] }]);
    const t = regularSeries(20);
    t.volume[0] = 0;
    t.volume[19] = 0;
    expect(warnings(t, { ...zero, zeroVolumeBars: 1 })).toEqual([
      { rule: "zero_volume", rows: [0, 19], lengths: [1, 1] },
    ]);
    expect(warnings(regularSeries(20), { ...zero, zeroVolumeBars: 1 })).toEqual([]);
  });

  it("judges a move of exactly the threshold as no jump, and a jump at the second row", () => {
    const jump = { rules: ["price_jump"], jumpThreshold: 0.25 };
    const s = regularSeries(20);
    setBar(s, 9, 100);
    setBar(s, 10, 125); // exactly 25%
    setBar(s, 11, 100);
    expect(warnings(s, jump)).toEqual([]);
    const t = regularSeries(20);
    setBar(t, 0, 100);
    setBar(t, 1, 140);
    setBar(t, 2, 100);
    expect(warnings(t, jump)).toEqual([{ rule: "price_jump:spike", rows: [1], lengths: [1] }]);
  });
});

describe("the stamp scan", () => {
  const grid = { rules: ["irregular_interval"] };
  const minutes = (m: number[]) => seriesAt(m.map((x) => T0 + x * MINUTE));

  it("does not judge a repeated stray stamp as a step", () => {
    // A stray at 3.5 repeated, then back on the minute grid: one stray, no adopted shift.
    expect(warnings(minutes([0, 1, 2, 3, 3.5, 3.5, 5, 6, 7]), grid)).toEqual([
      { rule: "irregular_interval", rows: [4], lengths: [1] },
    ]);
  });

  it("compares a stamp after a backward one with the last stamp before it", () => {
    const s = minutes([0, 1, 2, 3, 1.5, 4, 5]);
    expect(warnings(s, { rules: ["irregular_interval", "gap"], maxMissingBars: 0 })).toEqual([]);
  });
});
