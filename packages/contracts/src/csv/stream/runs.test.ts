import { describe, expect, it } from "vitest";
import { joinRuns, noRuns, oneFlag, type FlagRuns } from "./runs";

// The runs of a whole sequence, counted directly (the oracle for joining pieces).
const direct = (flags: boolean[]): FlagRuns => {
  let head = 0;
  while (head < flags.length && flags[head]) head++;
  let tail = 0;
  while (tail < flags.length && flags[flags.length - 1 - tail]) tail++;
  let longest = 0;
  let run = 0;
  for (const f of flags) {
    run = f ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { length: flags.length, head, tail, longest, all: flags.every(Boolean) };
};
const runsOf = (flags: boolean[]): FlagRuns => flags.map(oneFlag).reduce(joinRuns, noRuns());
// Every sequence of up to `n` flags.
const sequences = (n: number): boolean[][] => {
  const out: boolean[][] = [[]];
  for (let len = 1; len <= n; len++) {
    for (let bits = 0; bits < 1 << len; bits++) {
      out.push(Array.from({ length: len }, (_, i) => ((bits >> i) & 1) === 1));
    }
  }
  return out;
};

describe("flag runs", () => {
  it("gives the empty sequence no runs, all set", () => {
    expect(noRuns()).toEqual({ length: 0, head: 0, tail: 0, longest: 0, all: true });
    expect(oneFlag(true)).toEqual({ length: 1, head: 1, tail: 1, longest: 1, all: true });
    expect(oneFlag(false)).toEqual({ length: 1, head: 0, tail: 0, longest: 0, all: false });
  });

  it("joins flag by flag to the runs counted over the whole sequence", () => {
    for (const flags of sequences(8)) expect(runsOf(flags), flags.join()).toEqual(direct(flags));
  });

  it("joins any two pieces to the runs of the whole, whatever the split", () => {
    for (const flags of sequences(7)) {
      for (let cut = 0; cut <= flags.length; cut++) {
        const joined = joinRuns(runsOf(flags.slice(0, cut)), runsOf(flags.slice(cut)));
        expect(joined, `${flags.join()} at ${cut}`).toEqual(direct(flags));
      }
    }
  });

  it("joins runs of long pieces, where a run crosses the border", () => {
    const a: FlagRuns = { length: 100, head: 3, tail: 40, longest: 40, all: false };
    const b: FlagRuns = { length: 50, head: 50, tail: 50, longest: 50, all: true };
    const c: FlagRuns = { length: 30, head: 5, tail: 2, longest: 7, all: false };
    expect(joinRuns(a, b)).toEqual({ length: 150, head: 3, tail: 90, longest: 90, all: false });
    expect(joinRuns(b, c)).toEqual({ length: 80, head: 55, tail: 2, longest: 55, all: false });
    expect(joinRuns(joinRuns(a, b), c)).toEqual({
      length: 180,
      head: 3,
      tail: 2,
      longest: 95,
      all: false,
    });
    expect(joinRuns(b, b)).toEqual({ length: 100, head: 100, tail: 100, longest: 100, all: true });
  });
});
