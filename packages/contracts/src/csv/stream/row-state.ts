import { cleanRow } from "../../ohlcv/scan/clean-row";
import type { FlagRuns } from "./runs";
import { SpacingRuns } from "./spacing-runs";

const BEFORE_ALL = -8.64e15 - 1;

/**
 * The running state of the rows a range scanner read: the count, the first and last row,
 * the stale-bar and zero-volume flag runs and the stamp spacings, updated per row with no
 * allocation.
 */
export class RowState {
  rows = 0;
  /** The first row (t, o, h, l, c, v). */
  readonly first = new Float64Array(6);
  readonly spacings = new SpacingRuns();
  // the last row
  private lt = BEFORE_ALL;
  private lo = 0;
  private lh = 0;
  private ll = 0;
  private lc = 0;
  private lv = 0;
  private readonly jump: number;
  // stale flags (one per row after the first) and zero-volume flags (one per row)
  private readonly stale = { length: 0, head: 0, tail: 0, longest: 0, all: true };
  private readonly zero = { length: 0, head: 0, tail: 0, longest: 0, all: true };

  /** `jumpThreshold`: a close-to-close move beyond it ends the stream (Infinity: never). */
  constructor(jumpThreshold: number) {
    this.jump = jumpThreshold;
  }

  /** Adds the row `vals` (t, o, h, l, c, v); false when it breaks a hard rule or a jump starts. */
  add(vals: Float64Array): boolean {
    const t = vals[0] as number;
    const o = vals[1] as number;
    const h = vals[2] as number;
    const l = vals[3] as number;
    const c = vals[4] as number;
    const v = vals[5] as number;
    const pt = this.lt;
    if (cleanRow(t, pt, o, h, l, c, v) !== 1) return false; // a finding
    if (this.rows === 0) this.first.set(vals.subarray(0, 6));
    else {
      const pc = this.lc;
      // Stryker disable UnaryOperator: a negated 0/1 flag is 0 or -1, and -1 & 1 is 1: the same bit
      const same =
        +(o === this.lo) &
        +(h === this.lh) &
        +(l === this.ll) &
        +(c === pc) &
        (+(v === 0) | +(v === this.lv));
      // Stryker restore UnaryOperator
      flag(this.stale, same === 1);
      if (Math.abs(c - pc) > this.jump * pc) return false;
      if (!this.spacings.push(t - pt)) return false;
    }
    flag(this.zero, v === 0);
    this.lt = t;
    this.lo = o;
    this.lh = h;
    this.ll = l;
    this.lc = c;
    this.lv = v;
    this.rows++;
    return true;
  }

  /** The last row (t, o, h, l, c, v). */
  last(): Float64Array {
    return Float64Array.of(this.lt, this.lo, this.lh, this.ll, this.lc, this.lv);
  }

  /** The stale-bar flag runs (rows 1…n-1 of the range) and the zero-volume runs. */
  runs(): { stale: FlagRuns; zero: FlagRuns } {
    return { stale: { ...this.stale }, zero: { ...this.zero } };
  }
}

const flag = (r: FlagRuns, set: boolean): void => {
  r.length++;
  if (set) {
    r.tail++;
    // Stryker disable next-line EqualityOperator: at equality it stores the value it holds
    if (r.tail > r.longest) r.longest = r.tail;
    if (r.all) r.head++;
  } else {
    r.tail = 0;
    r.all = false;
  }
};
