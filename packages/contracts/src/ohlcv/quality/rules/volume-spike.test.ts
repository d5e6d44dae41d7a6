import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../../check-ohlcv";
import { regularSeries } from "../__fixtures__/series";

// The same rule, written the slow obvious way: sort the previous `w` volumes for every row.
const naiveSpikes = (v: Float64Array, w: number, multiple: number): number[] => {
  const rows: number[] = [];
  for (let i = w; i < v.length; i++) {
    const win = Array.from(v.subarray(i - w, i)).sort((a, b) => a - b);
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
});
