import type { StampStep } from "./gap";
import type { ResolvedQuality } from "../resolve-quality";
import type { WarningCollector } from "../warning-collector";

/**
 * The `irregular_interval` rule: a stamp off the grid of the first stamp (a 1-minute series
 * with a bar at :30). One stray stamp is one row; when the whole grid shifts (say a data
 * source change) the next stamps follow the stray one's grid, which is then adopted, so a
 * shift is reported once, not for every later row.
 */
export const irregularIntervalRule = (
  q: ResolvedQuality,
  intervalMs: number,
  column: string,
  out: WarningCollector,
): StampStep & { start: (t: number) => void } => {
  let anchor = Number.NaN;
  let candidate = Number.NaN;
  const onGrid = (t: number, a: number) => (t - a) % intervalMs === 0;
  const step = (row: number, _prev: number, t: number) => {
    if (onGrid(t, anchor)) {
      candidate = Number.NaN;
    } else if (candidate === candidate && onGrid(t, candidate)) {
      anchor = candidate;
      candidate = Number.NaN;
    } else {
      out.add("irregular_interval", column, row, 1);
      candidate = t;
    }
  };
  if (!q.rules.has("irregular_interval")) return Object.assign(() => {}, { start: () => {} });
  return Object.assign(step, { start: (t: number) => void (anchor = t) });
};
