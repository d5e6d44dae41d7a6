import type { CheckResult } from "./check-range";
import { joinRuns, noRuns, oneFlag, type FlagRuns } from "./runs";
import { SpacingRuns } from "./spacing-runs";

/** The checked ranges joined in file order, or `clean: false` once one gave up or a border failed. */
export class MergedRanges {
  clean = true;
  rows = 0;
  /** The first row's stamp. */
  firstStamp = Number.NaN;
  stale: FlagRuns = noRuns();
  zero: FlagRuns = noRuns();
  readonly spacings = new SpacingRuns();
  private last: Float64Array | undefined;
  private readonly jump: number;

  constructor(jumpThreshold: number) {
    this.jump = jumpThreshold;
  }

  /** Joins the next range; false (and `clean` false) when the file needs the in-memory check. */
  add(r: CheckResult): boolean {
    if (!this.clean || !r.clean) return (this.clean = false);
    if (r.rows === 0) return true;
    const last = this.last;
    if (last === undefined) {
      this.firstStamp = r.first[0] as number;
      this.stale = r.stale;
    } else {
      const f = r.first;
      const [t, o, h, l, c, v] = f as unknown as number[];
      const pc = last[4] as number;
      // The border row pair: sorted, not a jump, and the stale flag between the ranges.
      if (!((t as number) > (last[0] as number))) return (this.clean = false);
      if (Math.abs((c as number) - pc) > this.jump * pc) return (this.clean = false);
      const same =
        o === last[1] && h === last[2] && l === last[3] && c === pc && (v === 0 || v === last[5]);
      this.stale = joinRuns(joinRuns(this.stale, oneFlag(same)), r.stale);
      if (!this.spacings.push((t as number) - (last[0] as number))) return (this.clean = false);
    }
    if (!this.spacings.append(r.spacingValues, r.spacingCounts)) return (this.clean = false);
    this.zero = joinRuns(this.zero, r.zero);
    this.last = r.last;
    this.rows += r.rows;
    return true;
  }
}
