import { describe, expect, it } from "vitest";
import { RowState } from "./row-state";
import { joinRuns, noRuns, oneFlag } from "./runs";

type Bar = [t: number, o: number, h: number, l: number, c: number, v: number];
const add = (s: RowState, bar: Bar) => s.add(Float64Array.from(bar));
const runsOf = (flags: boolean[]) => flags.map(oneFlag).reduce(joinRuns, noRuns());
// A seeded walk of bars that often repeat the previous bar (stale) or trade nothing.
const bars = (n: number, seed: number): Bar[] => {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Bar[] = [];
  let t = 1_700_000_000_000;
  let bar: Bar = [t, 10, 11, 9, 10, 5];
  for (let i = 0; i < n; i++) {
    t += next() < 0.8 ? 60_000 : 120_000;
    const r = next();
    if (r < 0.3) bar = [t, bar[1], bar[2], bar[3], bar[4], next() < 0.5 ? 0 : bar[5]];
    else if (r < 0.45) bar = [t, bar[1], bar[2], bar[3], bar[4], bar[5] + 1];
    else {
      const c = 10 + Math.round(next() * 4) / 4;
      bar = [t, 10, Math.max(11, c), Math.min(9, c), c, next() < 0.2 ? 0 : 3];
    }
    out.push(bar);
  }
  return out;
};

describe("RowState", () => {
  it("keeps the first and last row, the count, the spacings and both flag runs of any walk", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const walk = bars(300, seed);
      const s = new RowState(Infinity);
      for (const bar of walk) expect(add(s, bar)).toBe(true);
      expect(s.rows).toBe(300);
      expect(Array.from(s.first)).toEqual(walk[0]);
      expect(Array.from(s.last())).toEqual(walk.at(-1));
      const stale = walk.slice(1).map((b, i) => {
        const p = walk[i]!;
        return (
          b[1] === p[1] &&
          b[2] === p[2] &&
          b[3] === p[3] &&
          b[4] === p[4] &&
          (b[5] === 0 || b[5] === p[5])
        );
      });
      expect(s.runs(), `seed ${seed}`).toEqual({
        stale: runsOf(stale),
        zero: runsOf(walk.map((b) => b[5] === 0)),
      });
      const gaps = walk.slice(1).map((b, i) => b[0] - walk[i]![0]);
      const expanded: number[] = [];
      for (let k = 0; k < s.spacings.size; k++) {
        for (let j = 0; j < s.spacings.counts[k]!; j++) expanded.push(s.spacings.values[k]!);
      }
      expect(expanded).toEqual(gaps);
    }
  });

  it("counts a bar stale when every price and the volume repeat, or the volume is 0", () => {
    const A: Bar = [1, 10, 11, 9, 10, 5];
    // A, A again (stale), then B: stale or not by the rule, field by field.
    const staleAfter = (b: Bar) => {
      const s = new RowState(Infinity);
      for (const bar of [A, [2, ...A.slice(1)] as Bar, b]) expect(add(s, bar)).toBe(true);
      return s.runs().stale;
    };
    const changed = (field: number, value: number): Bar => {
      const b: Bar = [3, ...(A.slice(1) as [number, number, number, number, number])];
      b[field] = value;
      return b;
    };
    for (const [field, value] of [
      [1, 10.5],
      [2, 11.5],
      [3, 9.5],
      [4, 10.5],
      [5, 6],
    ] as const) {
      expect(staleAfter(changed(field, value)), `field ${field}`).toEqual(runsOf([true, false]));
    }
    expect(staleAfter(changed(5, 0))).toEqual(runsOf([true, true]));
    expect(staleAfter([3, ...A.slice(1)] as Bar)).toEqual(runsOf([true, true]));
    const zero = new RowState(Infinity);
    for (const bar of [
      [1, 10, 11, 9, 10, 0],
      [2, 10, 11, 9, 10, 4],
    ] as Bar[])
      add(zero, bar);
    expect(zero.runs()).toEqual({ stale: runsOf([false]), zero: runsOf([true, false]) });
  });

  it("refuses a row that breaks a hard rule, and a close that moves past the jump threshold", () => {
    const s = new RowState(0.5);
    expect(add(s, [-8.64e15, 10, 11, 9, 10, 5])).toBe(true);
    expect(add(s, [-8.64e15, 10, 11, 9, 10, 5])).toBe(false);
    expect(add(s, [0, 10, 11, 9, 10, -1])).toBe(false);
    expect(add(s, [0, 15, 15, 15, 15, 5])).toBe(true);
    expect(add(s, [1, 22.5, 22.5, 22.5, 22.5, 5])).toBe(true);
    expect(add(s, [2, 33.76, 33.76, 33.76, 33.76, 5])).toBe(false);
    expect(s.rows).toBe(3);
    expect(Array.from(s.last())).toEqual([1, 22.5, 22.5, 22.5, 22.5, 5]);
    expect(Array.from(s.first)).toEqual([-8.64e15, 10, 11, 9, 10, 5]);
  });

  it("returns copies of its runs, and gives up when the spacings outgrow their encoding", () => {
    const s = new RowState(Infinity);
    add(s, [1, 10, 11, 9, 10, 0]);
    const before = s.runs();
    add(s, [2, 10, 11, 9, 10, 0]);
    expect(before.zero.length).toBe(1);
    let t = 2;
    for (let k = 1; k < 65_536; k++) expect(add(s, [(t += k + 1), 10, 11, 9, 10, 0])).toBe(true);
    expect(add(s, [t + 1e6, 10, 11, 9, 10, 0])).toBe(false);
  });
});
