import { describe, expect, it } from "vitest";
import { SpacingRuns } from "./spacing-runs";

const runsOf = (s: SpacingRuns) => ({
  values: Array.from(s.values.subarray(0, s.size)),
  counts: Array.from(s.counts.subarray(0, s.size)),
});

describe("SpacingRuns", () => {
  it("adds a repeated spacing to the last run and a new one as a run of its own", () => {
    const s = new SpacingRuns();
    expect(runsOf(s)).toEqual({ values: [], counts: [] });
    for (const [value, count] of [
      [60, 1],
      [60, 1],
      [120, 1],
      [60, 3],
      [60, 2],
      [0, 1],
    ] as const) {
      expect(s.push(value, count)).toBe(true);
    }
    expect(runsOf(s)).toEqual({ values: [60, 120, 60, 0], counts: [2, 1, 5, 1] });
    expect(s.push(-5)).toBe(true);
    expect(runsOf(s).counts.at(-1)).toBe(1);
  });

  it("appends another encoding run by run, merging the runs at the join", () => {
    const s = new SpacingRuns();
    s.push(60, 4);
    expect(s.append(Float64Array.of(60, 30, 60), Float64Array.of(2, 1, 7))).toBe(true);
    expect(runsOf(s)).toEqual({ values: [60, 30, 60], counts: [6, 1, 7] });
    expect(s.append(new Float64Array(0), new Float64Array(0))).toBe(true);
    expect(s.size).toBe(3);
  });

  it("grows past its first 64 runs, keeping every run", () => {
    const s = new SpacingRuns();
    for (let i = 0; i < 200; i++) expect(s.push(i % 2 === 0 ? i : -i, i + 1)).toBe(true);
    expect(s.size).toBe(200);
    expect(s.values.length).toBe(256);
    const { values, counts } = runsOf(s);
    expect(values).toEqual(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? i : -i)));
    expect(counts).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it("holds at most 65,536 runs, still counting spacings into the last one", () => {
    const s = new SpacingRuns();
    for (let i = 0; i < 65_536; i++) expect(s.push(i)).toBe(true);
    expect(s.values.length).toBe(65_536);
    expect(s.push(65_535, 4)).toBe(true);
    expect(s.push(70_000)).toBe(false);
    expect(s.size).toBe(65_536);
    expect(s.counts[65_535]).toBe(5);
    expect(s.append(Float64Array.of(65_535, 1), Float64Array.of(1, 1))).toBe(false);
    expect(s.counts[65_535]).toBe(6);
  });
});
