import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../check-ohlcv";
import { DAY, MINUTE, regularSeries, seriesAt, setBar, T0 } from "./__fixtures__/series";

const warn = (s: object, quality: object | true = true) =>
  checkOhlcv(s, { quality }).warnings ?? [];
const byRule = (s: object, quality: object | true = true) =>
  Object.fromEntries(warn(s, quality).map((w) => [w.kind ? `${w.rule}:${w.kind}` : w.rule, w]));

describe("checkOhlcv quality warnings", () => {
  it("adds nothing to the report when quality is off", () => {
    const report = checkOhlcv(regularSeries(50));
    expect(report).toMatchObject({ ok: true, rows: 50, violations: [] });
    expect(report.warnings).toBeUndefined();
    expect(report.quality).toBeUndefined();
  });

  it("reports nothing on a clean regular series and states the inferred interval", () => {
    const report = checkOhlcv(regularSeries(500), { quality: true });
    expect(report.warnings).toEqual([]);
    expect(report.quality).toEqual({
      intervalMs: MINUTE,
      intervalSource: "median",
      calendar: "24/7",
    });
  });

  it("finds an injected gap at the first bar after it, with its length", () => {
    const stamps = Array.from({ length: 100 }, (_, i) => T0 + (i < 40 ? i : i + 5) * MINUTE);
    const gap = byRule(seriesAt(stamps)).gap;
    expect(gap).toMatchObject({
      rule: "gap",
      column: "timestamp",
      count: 1,
      rows: [40],
      lengths: [5],
    });
    expect(gap?.message).toContain("5 missing bars at row 40");
  });

  it("keeps one missing bar quiet (maxMissingBars 1) and reports it with maxMissingBars 0", () => {
    const stamps = Array.from({ length: 50 }, (_, i) => T0 + (i < 20 ? i : i + 1) * MINUTE);
    expect(byRule(seriesAt(stamps)).gap).toBeUndefined();
    expect(byRule(seriesAt(stamps), { maxMissingBars: 0 }).gap?.rows).toEqual([20]);
  });

  it("uses intervalMs when given and says so", () => {
    const report = checkOhlcv(regularSeries(20), { quality: { intervalMs: 30_000 } });
    expect(report.quality?.intervalSource).toBe("option");
    expect(report.warnings).toEqual([]); // every 1-minute step is one missing 30 s bar: tolerated
  });

  it("finds a stamp off the grid once, not the bars after it", () => {
    const stamps = Array.from({ length: 60 }, (_, i) => T0 + i * MINUTE);
    stamps[30] = T0 + 29 * MINUTE + 30_000; // a bar at :30
    expect(byRule(seriesAt(stamps)).irregular_interval).toMatchObject({ count: 1, rows: [30] });
  });

  it("reports a grid shift once", () => {
    const stamps = Array.from({ length: 60 }, (_, i) => T0 + i * MINUTE + (i >= 25 ? 20_000 : 0));
    expect(byRule(seriesAt(stamps)).irregular_interval).toMatchObject({ count: 1, rows: [25] });
  });

  it("finds a frozen feed at its exact rows", () => {
    const s = regularSeries(200);
    for (let i = 101; i < 130; i++) {
      for (const k of ["open", "high", "low", "close", "volume"] as const)
        s[k][i] = s[k][100] as number;
    }
    const stale = byRule(s).stale_price;
    expect(stale).toMatchObject({ count: 1, rows: [100], lengths: [30] });
    expect(stale?.column).toBeUndefined();
  });

  it("ignores a short repeat and honours staleBars", () => {
    const s = regularSeries(50);
    for (let i = 11; i < 15; i++) setBar(s, i, s.close[10] as number, 0);
    expect(byRule(s).stale_price).toBeUndefined();
    expect(byRule(s, { staleBars: 5 }).stale_price).toMatchObject({ rows: [10], lengths: [5] });
  });

  it("finds a one-bar spike at its row and a two-bar spike with its length", () => {
    const s = regularSeries(100);
    setBar(s, 40, 150);
    setBar(s, 70, 60);
    setBar(s, 71, 61);
    const jump = byRule(s)["price_jump:spike"];
    expect(jump).toMatchObject({
      column: "close",
      kind: "spike",
      count: 2,
      rows: [40, 70],
      lengths: [1, 2],
    });
  });

  it("does not warn about a persistent 12% move, unless asked to", () => {
    const s = regularSeries(60, DAY);
    for (let i = 30; i < 60; i++) setBar(s, i, (s.close[i] as number) * 1.12);
    expect(warn(s)).toEqual([]);
    const strict = byRule(s, { jumpThreshold: 0.1, reportPersistentJumps: true });
    expect(strict["price_jump:persistent"]).toMatchObject({ rows: [30], count: 1 });
    expect(strict["price_jump:spike"]).toBeUndefined();
  });

  it("finds zero-volume runs of at least zeroVolumeBars", () => {
    const s = regularSeries(100);
    s.volume[10] = 0;
    for (let i = 50; i < 54; i++) s.volume[i] = 0;
    expect(byRule(s).zero_volume).toMatchObject({
      column: "volume",
      count: 1,
      rows: [50],
      lengths: [4],
    });
  });

  it("finds volume spikes only when the rule is on", () => {
    const s = regularSeries(100);
    s.volume[60] = 50_000;
    expect(byRule(s).volume_spike).toBeUndefined();
    const on = byRule(s, { rules: ["volume_spike"] });
    expect(Object.keys(on)).toEqual(["volume_spike"]);
    expect(on.volume_spike).toMatchObject({ column: "volume", count: 1, rows: [60] });
  });

  it("never changes ok, and judges tables with hard violations without throwing", () => {
    const s = regularSeries(50);
    s.close[5] = Number.NaN;
    s.timestamp[20] = s.timestamp[19] as number;
    const report = checkOhlcv(s, { quality: true });
    expect(report.ok).toBe(false);
    expect(report.warnings).toEqual([]);
    const frozen = regularSeries(30);
    frozen.close.fill(100);
    frozen.open.fill(100);
    frozen.high.fill(101);
    frozen.low.fill(99);
    frozen.volume.fill(0);
    const r2 = checkOhlcv(frozen, { quality: true });
    expect(r2.ok).toBe(true);
    expect(r2.warnings?.map((w) => w.rule)).toEqual(["stale_price", "zero_volume"]);
  });
});
