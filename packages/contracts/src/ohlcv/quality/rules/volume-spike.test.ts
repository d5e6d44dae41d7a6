import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../../check-ohlcv";
import { regularSeries } from "../__fixtures__/series";

// The same rule, written the slow obvious way: sort the previous `w` volumes for every row.
const naiveSpikes = (v: Float64Array, w: number, multiple: number): number[] => {
  const rows: number[] = [];
  for (let i = w; i < v.length; i++) {
    const win = Array.from(v.subarray(i - w, i), (x) => (Number.isFinite(x) ? x : 0));
    win.sort((a, b) => a - b);
    const median = ((win[(w - 1) >> 1] as number) + (win[w >> 1] as number)) / 2;
    if (median > 0 && (v[i] as number) > multiple * median) rows.push(i);
  }
  return rows;
};

describe("volume_spike", () => {
  it.each([1, 4, 5, 20])("matches a naive rolling median with window %i", (w) => {
    const s = regularSeries(400);
    let seed = 7;
    for (let i = 0; i < 400; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      s.volume[i] =
        seed % 97 === 0 ? 0 : seed % 13 === 0 ? 5000 + (seed % 900) : 100 + (seed % 300);
    }
    const quality = {
      rules: ["volume_spike"] as const,
      volumeSpikeWindow: w,
      volumeSpikeMultiple: 8,
    };
    const warning = checkOhlcv(s, { quality: { ...quality, rules: [...quality.rules] } })
      .warnings?.[0];
    const expected = naiveSpikes(s.volume, w, 8);
    expect(expected.length).toBeGreaterThan(0);
    expect(warning?.count).toBe(expected.length);
    expect(warning?.rows).toEqual(expected.slice(0, 20));
  });

  it.each([2, 3, 4, 7])(
    "matches it with window %i on volumes near the median, non-finite ones counting as 0",
    (w) => {
      const s = regularSeries(300);
      let seed = 11;
      for (let i = 0; i < 300; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        s.volume[i] = seed % 53 === 0 ? Number.NaN : seed % 59 === 0 ? Infinity : 1 + (seed % 40);
      }
      const quality = { rules: ["volume_spike" as const], volumeSpikeWindow: w };
      const warning = checkOhlcv(s, { quality: { ...quality, volumeSpikeMultiple: 1.5 } })
        .warnings?.[0];
      const expected = naiveSpikes(s.volume, w, 1.5);
      expect(expected.length).toBeGreaterThan(20);
      expect(warning?.count).toBe(expected.length);
      expect(warning?.rows).toEqual(expected.slice(0, 20));
    },
  );

  it("judges a volume of exactly the multiple of the median as no spike", () => {
    const s = regularSeries(6);
    s.volume.set([10, 10, 10, 30, 31, 10]);
    const quality = { rules: ["volume_spike" as const], volumeSpikeWindow: 3 };
    const warnings = checkOhlcv(s, { quality: { ...quality, volumeSpikeMultiple: 3 } }).warnings;
    expect(warnings?.map((w) => w.rows)).toEqual([[4]]);
  });
});
