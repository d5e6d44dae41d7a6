import type { ResolvedQuality } from "../resolve-quality";
import type { WarningCollector } from "../warning-collector";

/** Called when a run of bars ends: rows `start` (inclusive) to `end` (exclusive). */
export type RunEnd = (start: number, end: number) => void;

/**
 * The `stale_price` rule: at least `staleBars` consecutive bars with identical open, high,
 * low and close and zero or equal volume (a frozen feed repeating its last bar). The run
 * starts at the bar that was repeated.
 */
export const stalePriceRule = (q: ResolvedQuality, out: WarningCollector): RunEnd => {
  if (!q.rules.has("stale_price")) return () => {};
  return (start, end) => {
    if (end - start >= q.staleBars) out.add("stale_price", "", start, end - start);
  };
};
