import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../../check-ohlcv";
import { MINUTE, regularSeries, seriesAt, setBar, T0 } from "../__fixtures__/series";

const SECOND = 1000;
const warnings = (s: object, quality: object = {}) =>
  (checkOhlcv(s, { quality }).warnings ?? []).map((w) => ({
    rule: w.kind === undefined ? w.rule : `${w.rule}:${w.kind}`,
    rows: w.rows,
    lengths: w.lengths,
  }));
const rowsOf = (s: object, rule: string, quality: object = {}) =>
  warnings(s, quality).find((w) => w.rule === rule)?.rows;
const stampsBy = (n: number, at: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => T0 + at(i));

describe("quality rules one by one", () => {
  it("runs each rule only while it is on", () => {
    // A gap at row 150, a stamp at :30 at row 100, a frozen feed from row 20, zero volume from 60.
    const s = seriesAt(stampsBy(200, (i) => (i === 100 ? 99.5 : i < 150 ? i : i + 4) * MINUTE));
    for (let i = 21; i < 35; i++) {
      for (const k of ["open", "high", "low", "close", "volume"] as const)
        s[k][i] = s[k][20] as number;
    }
    for (let i = 60; i < 64; i++) s.volume[i] = 0;
    const all = ["gap", "irregular_interval", "stale_price", "zero_volume"];
    expect(warnings(s).map((w) => w.rule)).toEqual(all);
    for (const rule of all) {
      expect(warnings(s, { rules: [rule] }).map((w) => w.rule)).toEqual([rule]);
    }
    expect(warnings(s, { rules: ["gap"] })).toEqual([{ rule: "gap", rows: [150], lengths: [4] }]);
  });
});

describe("irregular_interval", () => {
  it("adopts a shifted grid at its next off-interval step and then reports a return to the old one", () => {
    // +20 s from row 25, a 3-bar gap at row 40 on the shifted grid, back on the old grid at row 50.
    const s = seriesAt(
      stampsBy(70, (i) =>
        i < 25
          ? i * MINUTE
          : i < 40
            ? i * MINUTE + 20 * SECOND
            : i < 50
              ? (i + 3) * MINUTE + 20 * SECOND
              : (i + 3) * MINUTE,
      ),
    );
    expect(rowsOf(s, "irregular_interval")).toEqual([25, 50]);
    expect(rowsOf(s, "gap")).toEqual([40]);
  });

  it("reports two different stray stamps in a row, each once", () => {
    const s = seriesAt(stampsBy(60, (i) => (i === 30 ? 29.5 : i === 31 ? 30 + 1 / 6 : i) * MINUTE));
    expect(rowsOf(s, "irregular_interval")).toEqual([30, 31]);
  });

  it("forgets a stray stamp once the series is back on its grid", () => {
    const s = seriesAt(stampsBy(80, (i) => (i === 30 || i === 50 ? i - 0.5 : i) * MINUTE));
    expect(rowsOf(s, "irregular_interval")).toEqual([30, 50]);
  });
});

describe("price_jump", () => {
  it("finds a spike that returns exactly jumpRevertBars bars later", () => {
    const s = regularSeries(100);
    setBar(s, 39, 100);
    for (let i = 40; i < 43; i++) setBar(s, i, 150);
    setBar(s, 43, 100);
    expect(warnings(s).filter((w) => w.rule.startsWith("price_jump"))).toEqual([
      { rule: "price_jump:spike", rows: [40], lengths: [3] },
    ]);
  });

  it("counts a return to exactly half the threshold from the level before as the return", () => {
    const s = regularSeries(100);
    setBar(s, 39, 100);
    setBar(s, 40, 130);
    setBar(s, 41, 110); // |110 - 100| = 0.2 / 2 * 100
    expect(warnings(s)).toEqual([{ rule: "price_jump:spike", rows: [40], lengths: [1] }]);
  });

  it("does not judge the return bar of a spike as a move of its own", () => {
    const s = regularSeries(100);
    setBar(s, 40, 150);
    expect(warnings(s, { reportPersistentJumps: true })).toEqual([
      { rule: "price_jump:spike", rows: [40], lengths: [1] },
    ]);
  });

  it("keeps a persistent move beyond the threshold quiet unless asked", () => {
    const s = regularSeries(60);
    for (let i = 30; i < 60; i++) setBar(s, i, (s.close[i] as number) * 1.5);
    expect(warnings(s)).toEqual([]);
    expect(warnings(s, { reportPersistentJumps: true })).toEqual([
      { rule: "price_jump:persistent", rows: [30], lengths: [1] },
    ]);
  });
});
