import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { checkOhlcv } from "../check-ohlcv";
import { emptySeries } from "./__fixtures__/series";

const INTERVALS = [1000, 60_000, 300_000, 3_600_000, 86_400_000];

/** A clean regular series: fixed spacing, moves below 5%, bars never repeat, volume > 0. */
const cleanSeries = fc
  .record({
    intervalMs: fc.constantFrom(...INTERVALS),
    start: fc.integer({ min: 0, max: 2_000_000_000 }),
    bars: fc.array(
      fc.record({
        move: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        spread: fc.double({ min: 0.001, max: 0.02, noNaN: true }),
        volume: fc.double({ min: 1, max: 1e6, noNaN: true }),
      }),
      { minLength: 2, maxLength: 300 },
    ),
  })
  .map(({ intervalMs, start, bars }) => {
    const n = bars.length;
    const cols = emptySeries(n);
    let close = 100;
    bars.forEach((b, i) => {
      const open = close;
      close = close * (1 + b.move) + i * 1e-9; // i * 1e-9: no two bars are identical
      cols.timestamp[i] = Date.UTC(2000, 0, 1) + start * 1000 + i * intervalMs;
      cols.open[i] = open;
      cols.close[i] = close;
      cols.high[i] = Math.max(open, close) * (1 + b.spread);
      cols.low[i] = Math.min(open, close) * (1 - b.spread);
      cols.volume[i] = b.volume;
    });
    return { cols, intervalMs };
  });

describe("quality warnings (property)", () => {
  test.prop([cleanSeries])(
    "a clean regular series produces no warnings",
    ({ cols, intervalMs }) => {
      const report = checkOhlcv(cols, { quality: true });
      expect(report.ok).toBe(true);
      expect(report.warnings).toEqual([]);
      if (cols.timestamp.length >= 2) expect(report.quality?.intervalMs).toBe(intervalMs);
    },
  );
});
