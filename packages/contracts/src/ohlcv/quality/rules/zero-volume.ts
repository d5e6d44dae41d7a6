import type { ResolvedQuality } from "../resolve-quality";
import type { RunEnd } from "./stale-price";
import type { WarningCollector } from "../warning-collector";

/** The `zero_volume` rule: at least `zeroVolumeBars` consecutive bars with volume exactly 0. */
export const zeroVolumeRule = (
  q: ResolvedQuality,
  column: string,
  out: WarningCollector,
): RunEnd => {
  if (!q.rules.has("zero_volume")) return () => {};
  return (start, end) => {
    if (end - start >= q.zeroVolumeBars) out.add("zero_volume", column, start, end - start);
  };
};
