import { describe, expect, it } from "vitest";
import type { CheckResult } from "./check-range";
import { MergedRanges } from "./merge-results";
import { joinRuns, noRuns, oneFlag, type FlagRuns } from "./runs";

type Bar = [t: number, o: number, h: number, l: number, c: number, v: number];
const flags = (...set: boolean[]): FlagRuns => set.map(oneFlag).reduce(joinRuns, noRuns());
/** A clean range from `first` to `last` of `rows` rows, with its own runs and spacings. */
const range = (
  first: Bar,
  last: Bar,
  rows: number,
  more: Partial<CheckResult> = {},
): CheckResult => ({
  id: 0,
  clean: true,
  rows,
  first: Float64Array.from(first),
  last: Float64Array.from(last),
  stale: flags(...Array<boolean>(rows).fill(false)),
  zero: flags(...Array<boolean>(rows).fill(false)),
  spacingValues: Float64Array.of(60),
  spacingCounts: Float64Array.of(rows - 1),
  ...more,
});
const spacings = (m: MergedRanges) => ({
  values: Array.from(m.spacings.values.subarray(0, m.spacings.size)),
  counts: Array.from(m.spacings.counts.subarray(0, m.spacings.size)),
});
const A_FIRST: Bar = [0, 10, 11, 9, 10, 5];
const A_LAST: Bar = [120, 10, 11, 9, 10, 5];

describe("MergedRanges", () => {
  it("takes the first range's first stamp, runs, spacings and rows", () => {
    const m = new MergedRanges(0.5);
    const stale = flags(false, true, true);
    const zero = flags(true, false, true);
    expect(m.add(range(A_FIRST, A_LAST, 3, { stale, zero }))).toBe(true);
    expect([m.clean, m.rows, m.firstStamp]).toEqual([true, 3, 0]);
    expect([m.stale, m.zero]).toEqual([stale, zero]);
    expect(spacings(m)).toEqual({ values: [60], counts: [2] });
  });

  it("joins the next range with the spacing and the stale flag of the border pair", () => {
    const m = new MergedRanges(0.5);
    m.add(range(A_FIRST, A_LAST, 3, { stale: flags(false, false, true) }));
    const next = range([150, 10, 11, 9, 10, 0], [270, 10, 11, 9, 10, 0], 3, {
      stale: flags(true, false, false),
      zero: flags(true, true, true),
    });
    expect(m.add(next)).toBe(true);
    expect([m.clean, m.rows, m.firstStamp]).toEqual([true, 6, 0]);
    // stale: the border pair is the same bar (volume 0 counts as unchanged), so 1 + 1 + 1 in a row.
    expect(m.stale).toEqual(flags(false, false, true, true, true, false, false));
    expect(m.zero).toEqual(flags(false, false, false, true, true, true));
    expect(spacings(m)).toEqual({ values: [60, 30, 60], counts: [2, 1, 2] });
  });

  it("counts the border pair as changed when any price or a non-zero volume differs", () => {
    const changes: Bar[] = [
      [180, 12, 11, 9, 10, 5],
      [180, 10, 12, 9, 10, 5],
      [180, 10, 11, 8, 10, 5],
      [180, 10, 11, 9, 10.5, 5],
      [180, 10, 11, 9, 10, 6],
    ];
    for (const first of changes) {
      const m = new MergedRanges(0.5);
      m.add(range(A_FIRST, A_LAST, 3));
      expect(m.add(range(first, [240, 1, 1, 1, 1, 1], 2)), `${first.join()}`).toBe(true);
      expect(m.stale.longest, `${first.join()}`).toBe(0);
    }
    const m = new MergedRanges(0.5);
    m.add(range(A_FIRST, A_LAST, 3));
    m.add(range([180, 10, 11, 9, 10, 5], [240, 1, 1, 1, 1, 1], 2));
    expect(m.stale).toEqual(flags(false, false, false, true, false, false));
  });

  it("gives up on a border pair out of order or a jump past the threshold, allowing it exactly", () => {
    const border = (first: Bar) => {
      const m = new MergedRanges(0.5);
      m.add(range(A_FIRST, A_LAST, 3));
      return [m.add(range(first, [600, 1, 1, 1, 1, 1], 2)), m.clean];
    };
    expect(border([120, 10, 11, 9, 10, 5])).toEqual([false, false]);
    expect(border([119, 10, 11, 9, 10, 5])).toEqual([false, false]);
    expect(border([121, 10, 11, 9, 15, 5])).toEqual([true, true]);
    expect(border([121, 10, 11, 9, 15.01, 5])).toEqual([false, false]);
    expect(border([121, 10, 11, 9, 5, 5])).toEqual([true, true]);
    expect(border([121, 10, 11, 9, 4.99, 5])).toEqual([false, false]);
    expect(border([Number.NaN, 10, 11, 9, 10, 5])).toEqual([false, false]);
  });

  it("stays given up after a range gave up, and skips empty ranges", () => {
    const m = new MergedRanges(0.5);
    expect(m.add(range(A_FIRST, A_LAST, 0, { first: new Float64Array(6) }))).toBe(true);
    expect([m.rows, m.firstStamp]).toEqual([0, Number.NaN]);
    m.add(range(A_FIRST, A_LAST, 3));
    expect(m.add(range([0, 0, 0, 0, 0, 0], A_LAST, 0))).toBe(true);
    expect(m.rows).toBe(3);
    expect(
      m.add({ ...range([180, 10, 11, 9, 10, 5], [240, 1, 1, 1, 1, 1], 2), clean: false }),
    ).toBe(false);
    expect(m.clean).toBe(false);
    expect(m.add(range([300, 10, 11, 9, 10, 5], [360, 1, 1, 1, 1, 1], 2))).toBe(false);
    expect(m.rows).toBe(3);
  });

  it("gives up when the spacings outgrow their encoding", () => {
    const many = Float64Array.from({ length: 65_536 }, (_, i) => i + 1);
    const m = new MergedRanges(Infinity);
    const big = range(A_FIRST, A_LAST, 3, {
      spacingValues: many,
      spacingCounts: new Float64Array(65_536).fill(1),
    });
    expect(m.add(big)).toBe(true);
    expect(m.add(range([200_000, 1, 1, 1, 1, 1], [200_060, 1, 1, 1, 1, 1], 2))).toBe(false);
    expect(m.clean).toBe(false);
    const n = new MergedRanges(Infinity);
    n.add(range(A_FIRST, A_LAST, 3));
    const over = Float64Array.from({ length: 65_536 }, (_, i) => -i - 1);
    expect(
      n.add(
        range([130, 1, 1, 1, 1, 1], A_LAST, 3, {
          spacingValues: over,
          spacingCounts: new Float64Array(65_536).fill(1),
        }),
      ),
    ).toBe(false);
  });
});
