import { isValidMs } from "./timestamp-column";
import type { ViolationCollector } from "../violations/violation-collector";

/**
 * Finds repeated timestamps anywhere in an unsorted column (the row loop only sees adjacent
 * repeats, which is enough once the column is sorted). Reports every occurrence after the
 * first, in row order, like pandas' `duplicated()`. Costs one sorted copy of the column.
 */
export const reportGlobalDuplicates = (
  ms: Float64Array,
  column: string,
  out: ViolationCollector,
): void => {
  out.clear("duplicate_timestamps", column);
  const sorted = ms.slice().sort();
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) {
    const t = sorted[i] as number;
    if (t === sorted[i - 1] && isValidMs(t)) repeated.add(t);
  }
  // Stryker disable next-line ConditionalExpression: a fast path; with no repeated stamp the loop below reports nothing either
  if (repeated.size === 0) return;
  const seen = new Set<number>();
  // Stryker disable next-line EqualityOperator: ms[ms.length] is undefined, which `repeated` never holds
  for (let row = 0; row < ms.length; row++) {
    const t = ms[row] as number;
    if (!repeated.has(t)) continue;
    if (seen.has(t)) out.addRow("duplicate_timestamps", column, row);
    else seen.add(t);
  }
};
