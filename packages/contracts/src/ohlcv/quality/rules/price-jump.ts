import type { ResolvedQuality } from "../resolve-quality";
import type { WarningCollector } from "../warning-collector";

/** Called for a row whose close moved more than the threshold; returns the next row to judge. */
export type JumpCandidate = (row: number) => number;

/**
 * The `price_jump` rule. A close-to-close move beyond `jumpThreshold` at `row` is a spike
 * when, within `jumpRevertBars` bars, the close comes back to within half the threshold of
 * the level before the jump; the spike's rows are `row` up to the bar before the return, and
 * the return bar is not judged as a jump of its own. A move that does not come back is a
 * real event: reported (as `kind: "persistent"`) only with `reportPersistentJumps`.
 */
export const priceJumpRule = (
  q: ResolvedQuality,
  close: Float64Array,
  column: string,
  out: WarningCollector,
): JumpCandidate => {
  const n = close.length;
  const back = q.jumpThreshold / 2;
  return (row) => {
    const before = close[row - 1] as number;
    // Stryker disable next-line MethodExpression,ArithmeticOperator: past the end close[j] is undefined, whose NaN distance never counts as a return
    const last = Math.min(n - 1, row + q.jumpRevertBars);
    for (let j = row + 1; j <= last; j++) {
      if (Math.abs((close[j] as number) - before) <= back * before) {
        out.add("price_jump", column, row, j - row, "spike");
        return j + 1;
      }
    }
    if (q.reportPersistentJumps) out.add("price_jump", column, row, 1, "persistent");
    // Stryker disable next-line ArithmeticOperator: the scan's next row is row + 1, so any bound up to it judges the same rows
    return row + 1;
  };
};
