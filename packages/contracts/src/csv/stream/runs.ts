/**
 * Runs of set flags in a sequence, kept so two sequences can be joined: the run at the start,
 * at the end and the longest. `all` when every flag is set (then `head === tail === length`).
 */
export interface FlagRuns {
  length: number;
  head: number;
  tail: number;
  longest: number;
  all: boolean;
}

/** The runs of an empty sequence. */
export const noRuns = (): FlagRuns => ({ length: 0, head: 0, tail: 0, longest: 0, all: true });

/** The runs of `a` followed by `b`. */
export const joinRuns = (a: FlagRuns, b: FlagRuns): FlagRuns => ({
  length: a.length + b.length,
  head: a.all ? a.length + b.head : a.head,
  tail: b.all ? b.length + a.tail : b.tail,
  longest: Math.max(a.longest, b.longest, a.tail + b.head),
  all: a.all && b.all,
});

/** The runs of one flag. */
export const oneFlag = (set: boolean): FlagRuns =>
  set
    ? { length: 1, head: 1, tail: 1, longest: 1, all: true }
    : { length: 1, head: 0, tail: 0, longest: 0, all: false };
