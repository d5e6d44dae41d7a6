import { byteText } from "../bytes/byte-number";
import { fastStamp, guessesStampEnd, zonedStampAt } from "../bytes/fast-iso";
import { parseNumberText } from "../text/number-text";
import { RowState } from "./row-state";

/** What a column is to the streaming check: one of the six OHLCV columns, or another number. */
export const ROLE = { timestamp: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, other: 6 };

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const INCOMPLETE = -2;

/**
 * The one-pass clean-file scanner of the streaming check. It reads whole lines of bytes,
 * each field straight from bytes in the same loop that finds the line end, and keeps only
 * running state ({@link RowState}). Anything that would give a finding, or that the byte reader would read as text
 * (quotes, spaces, exponents, epoch or zone-less stamps, short or long lines), makes it
 * give up (`bailed`): the caller then reads the file the in-memory way, which reports it.
 */
export class RangeScanner {
  bailed = false;
  /** The rows read so far, as running state. */
  readonly state: RowState;
  private readonly roles: Uint8Array;
  private readonly sep: number;
  private readonly maxLine: number;
  // A stamp may be guessed to end 24 bytes on (see guessesStampEnd).
  private readonly guess: boolean;
  private readonly vals = new Float64Array(7);

  constructor(roles: Uint8Array, sep: number, jumpThreshold: number, maxLineBytes: number) {
    this.roles = roles;
    this.sep = sep;
    this.state = new RowState(jumpThreshold);
    this.maxLine = maxLineBytes;
    this.guess = guessesStampEnd(sep);
  }

  /**
   * Reads the whole lines in `b[p, to)`; `final` when `to` is the end of the data (its last
   * line may lack a line break); `b[to]` must be a non-digit sentinel. Returns where the
   * unfinished last line starts (`to` when none), or -1 after giving up.
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
          // The common `…:SS.fffZ` stamp ends 24 bytes on; any other is searched for its end.
          const stop24 = p + 24;
          const c24 = stop24 < to ? (b[stop24] as number) : -1;
          v = Number.NaN;
          if (this.guess && (c24 === sep || c24 === 10 || c24 === 13) && b[p + 19] !== sep) {
            v = fastStamp(b, p, 24);
          }
          // Stryker disable next-line ConditionalExpression: the search below finds the same end, and zonedStampAt the same value
          if (v === v) p = stop24;
          else {
            let stop = p;
            let c = 0;
            while (stop < to && (c = b[stop] as number) !== sep && c !== 13 && c !== 10) stop++;
            if (stop === to && !final) return lineStart;
            v = zonedStampAt(b, p, stop);
            if (v !== v) return this.bail();
            p = stop;
          }
        } else {
          const negative = b[p] === 45;
          if (negative) p++;
          const from = p;
          let m = 0;
          let d = 0;
          // b[to] is a non-digit sentinel (undefined would stop them too): no bound test.
          while ((d = (b[p] as number) - 48) >= 0 && d <= 9) {
            m = m * 10 + d;
            p++;
          }
          let frac = 0;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: b[to] is the sentinel, never a dot
          const dotted = p < to && b[p] === 46;
          if (dotted) {
            const dot = ++p;
            while ((d = (b[p] as number) - 48) >= 0 && d <= 9) {
              m = m * 10 + d;
              p++;
            }
            frac = p - dot;
          }
          if (p === to && !final) return lineStart;
          const digits = p - from - (dotted ? 1 : 0);
          if (digits <= 0) return this.bail();
          // Stryker disable next-line ConditionalExpression,EqualityOperator: parseNumberText gives a short number the same value
          if (digits <= 15) {
            // Stryker disable next-line ConditionalExpression,EqualityOperator: POW10[0] is 1
            v = frac > 0 ? m / (POW10[frac] as number) : m;
            if (negative) v = -v;
          } else {
            // More digits than a double holds exactly (pandas writes 17, e.g. 128.01999999999998):
            // the value the byte reader's slow path gives, from the text.
            v = parseNumberText(byteText(b, negative ? from - 1 : from, p)) ?? Number.NaN;
            // Stryker disable next-line ConditionalExpression: digits with at most one dot always parse
            if (v !== v) return this.bail();
          }
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
      if (!this.state.add(vals)) return this.bail();
    }
    return p;
  }

  // The blank line at `p` (`\n` or `\r\n`): where the next line starts, INCOMPLETE, or -1.
  private blank(b: Uint8Array, p: number, to: number, final: boolean): number {
    if (b[p] === 10) return p + 1;
    if (p + 1 === to) return final ? to : INCOMPLETE;
    return b[p + 1] === 10 ? p + 2 : -1;
  }

  private bail(): number {
    this.bailed = true;
    return -1;
  }
}
