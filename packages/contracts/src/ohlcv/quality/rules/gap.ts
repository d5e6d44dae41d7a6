import { missingBars } from "../calendar";
import type { ResolvedQuality } from "../resolve-quality";
import type { WarningCollector } from "../warning-collector";

/** Called for consecutive ascending stamps whose spacing is not exactly one interval. */
export type StampStep = (row: number, prev: number, t: number) => void;

/**
 * The `gap` rule: more than `maxMissingBars` bars the calendar expected are missing between
 * two consecutive stamps. One warning event per gap, at the first bar after it, with the
 * number of missing bars as its length (a four-day closure is one event of length 4).
 */
export const gapRule = (
  q: ResolvedQuality,
  intervalMs: number,
  column: string,
  out: WarningCollector,
): StampStep => {
  if (!q.rules.has("gap")) return () => {};
  return (row, prev, t) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a fast path; a step of at most one interval has no grid point inside, so missingBars gives 0, never above maxMissingBars
    if (t - prev <= intervalMs) return;
    const missing = missingBars(prev, t, intervalMs, q.calendar);
    if (missing > q.maxMissingBars) out.add("gap", column, row, missing);
  };
};
