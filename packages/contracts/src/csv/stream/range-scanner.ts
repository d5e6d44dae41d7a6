import { cleanRow } from "../../ohlcv/scan/clean-row";
import { zonedStampAt } from "./fast-iso";
import { SpacingRuns } from "./spacing-runs";
import type { FlagRuns } from "./runs";

/** What a column is to the streaming check: one of the six OHLCV columns, or another number. */
export const ROLE = { timestamp: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, other: 6 };

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const BEFORE_ALL = -8.64e15 - 1;
const INCOMPLETE = -2;

/**
 * The one-pass clean-file scanner of the streaming check. It reads whole lines of bytes,
 * each field straight from bytes in the same loop that finds the line end, and keeps only
 * running state: the rows, the first and last row, the stale/zero runs and the stamp
 * spacings. Anything that would give a finding, or that the byte reader would read as text
 * (quotes, spaces, odd numbers, epoch or zone-less stamps, short or long lines), makes it
 * give up (`bailed`): the caller then reads the file the in-memory way, which reports it.
 */
export class RangeScanner {
  rows = 0;
  bailed = false;
  /** The first row (t, o, h, l, c, v). */
  readonly first = new Float64Array(6);
  // the last row
  private lt = BEFORE_ALL;
  private lo = 0;
  private lh = 0;
  private ll = 0;
  private lc = 0;
  private lv = 0;
  readonly spacings = new SpacingRuns();
  private readonly roles: Uint8Array;
  private readonly sep: number;
  private readonly jump: number;
  private readonly maxLine: number;
  private readonly vals = new Float64Array(7);
  // stale flags (one per row after the first) and zero-volume flags (one per row)
  private readonly stale = { length: 0, head: 0, tail: 0, longest: 0, all: true };
  private readonly zero = { length: 0, head: 0, tail: 0, longest: 0, all: true };

  constructor(roles: Uint8Array, sep: number, jumpThreshold: number, maxLineBytes: number) {
    this.roles = roles;
    this.sep = sep;
    this.jump = jumpThreshold;
    this.maxLine = maxLineBytes;
  }

  /** The last row (t, o, h, l, c, v). */
  last(): Float64Array {
    return Float64Array.of(this.lt, this.lo, this.lh, this.ll, this.lc, this.lv);
  }

  /** The stale-bar flag runs (rows 1…n-1 of the range) and the zero-volume runs. */
  runs(): { stale: FlagRuns; zero: FlagRuns } {
    return { stale: { ...this.stale }, zero: { ...this.zero } };
  }

  /**
   * Reads the whole lines in `b[p, to)`; `final` when `to` is the end of the data (its last
   * line may lack a line break). Returns where the unfinished last line starts (`to` when
   * none), or -1 after giving up.
   */
  scan(b: Uint8Array, p: number, to: number, final: boolean): number {
    const { roles, sep, vals } = this;
    const lastField = roles.length - 1;
    while (p < to) {
      const lineStart = p;
      const c0 = b[p] as number;
      if (c0 === 10 || c0 === 13) {
        const q = this.blank(b, p, to, final);
        if (q === INCOMPLETE) return lineStart;
        if (q < 0) return this.bail();
        p = q;
        continue;
      }
      for (let k = 0; ; k++) {
        let v: number;
        if (roles[k] === 0) {
          let stop = p;
          let c = 0;
          while (stop < to && (c = b[stop] as number) !== sep && c !== 13 && c !== 10) stop++;
          if (stop === to && !final) return lineStart;
          v = zonedStampAt(b, p, stop);
          if (v !== v) return this.bail();
          p = stop;
        } else {
          const negative = b[p] === 45;
          if (negative) p++;
          let m = 0;
          let digits = 0;
          let frac = -1;
          for (; p < to; p++) {
            const c = b[p] as number;
            if (c >= 48 && c <= 57) {
              m = m * 10 + (c - 48);
              digits++;
              if (frac >= 0) frac++;
            } else if (c === 46 && frac < 0) frac = 0;
            else break;
          }
          if (p === to && !final) return lineStart;
          if (digits === 0 || digits > 15) return this.bail();
          v = frac > 0 ? m / (POW10[frac] as number) : m;
          if (negative) v = -v;
        }
        vals[roles[k] as number] = v;
        const t = p < to ? (b[p] as number) : -1;
        if (k < lastField) {
          if (t !== sep) return this.bail();
          p++;
          continue;
        }
        if ((t === 13 ? p + 1 : p) - lineStart > this.maxLine + 1) return this.bail();
        if (t === 10) p++;
        else if (t === 13) {
          if (p + 1 === to && !final) return lineStart;
          if (p + 1 < to && b[p + 1] !== 10) return this.bail();
          p = Math.min(to, p + 2);
        } else if (t !== -1) return this.bail();
        break;
      }
      if (!this.row()) return this.bail();
    }
    return p;
  }

  // The blank line at `p` (`\n` or `\r\n`): where the next line starts, INCOMPLETE, or -1.
  private blank(b: Uint8Array, p: number, to: number, final: boolean): number {
    if (b[p] === 10) return p + 1;
    if (p + 1 === to) return final ? to : INCOMPLETE;
    return b[p + 1] === 10 ? p + 2 : -1;
  }

  // Checks the row in `vals` against the hard rules and updates the running state.
  private row(): boolean {
    const vals = this.vals;
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
      const same =
        +(o === this.lo) &
        +(h === this.lh) &
        +(l === this.ll) &
        +(c === pc) &
        (+(v === 0) | +(v === this.lv));
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

  private bail(): number {
    this.bailed = true;
    return -1;
  }
}

const flag = (r: FlagRuns, set: boolean): void => {
  r.length++;
  if (set) {
    r.tail++;
    if (r.tail > r.longest) r.longest = r.tail;
    if (r.all) r.head++;
  } else {
    r.tail = 0;
    r.all = false;
  }
};
