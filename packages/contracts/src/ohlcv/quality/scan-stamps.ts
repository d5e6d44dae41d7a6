import { isValidMs } from "../scan/timestamp-column";
import { gapRule } from "./rules/gap";
import { irregularIntervalRule } from "./rules/irregular-interval";
import type { ResolvedQuality } from "./resolve-quality";
import type { WarningCollector } from "./warning-collector";

/**
 * One pass over the stamps for `gap` and `irregular_interval`. Only consecutive ascending
 * valid stamps are compared (bad, repeated or backward stamps are hard violations already);
 * a spacing of exactly one interval, the common case, costs one subtraction and compare.
 */
export const scanStamps = (
  ms: Float64Array,
  intervalMs: number,
  column: string,
  q: ResolvedQuality,
  out: WarningCollector,
): void => {
  // Stryker disable next-line ConditionalExpression: a fast path; with both rules off, gapRule and irregularIntervalRule return no-ops
  if (!q.rules.has("gap") && !q.rules.has("irregular_interval")) return;
  const gap = gapRule(q, intervalMs, column, out);
  const grid = irregularIntervalRule(q, intervalMs, column, out);
  let prev = Number.NaN;
  // Stryker disable next-line EqualityOperator: ms[ms.length] is undefined: not above prev, and no valid stamp to start from
  for (let i = 0; i < ms.length; i++) {
    const t = ms[i] as number;
    if (!(t > prev)) {
      if (prev !== prev && isValidMs(t)) {
        prev = t;
        grid.start(t);
      }
      continue;
    }
    if (t - prev !== intervalMs && isValidMs(t)) {
      gap(i, prev, t);
      grid(i, prev, t);
    }
    prev = t;
  }
};
