import type { ResolvedQuality } from "./resolve-quality";
import type { WarningCollector } from "./warning-collector";

// Index of the first element of sorted `a` that is >= x.
const lowerBound = (a: number[], x: number): number => {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const finiteOrZero = (v: number): number => (Number.isFinite(v) ? v : 0);

/**
 * The `volume_spike` rule (off by default): volume above `volumeSpikeMultiple` times the
 * median of the previous `volumeSpikeWindow` bars (non-finite volumes count as 0; a zero
 * median judges nothing). Its own pass: a sorted window costs O(window) per row.
 */
export const scanVolumeSpikes = (
  q: ResolvedQuality,
  volume: Float64Array,
  column: string,
  out: WarningCollector,
): void => {
  const w = q.volumeSpikeWindow;
  const window: number[] = [];
  for (let i = 0; i < volume.length; i++) {
    if (i >= w) {
      const median = ((window[(w - 1) >> 1] as number) + (window[w >> 1] as number)) / 2;
      if (median > 0 && (volume[i] as number) > q.volumeSpikeMultiple * median) {
        out.add("volume_spike", column, i, 1);
      }
      window.splice(lowerBound(window, finiteOrZero(volume[i - w] as number)), 1);
    }
    const v = finiteOrZero(volume[i] as number);
    window.splice(lowerBound(window, v), 0, v);
  }
};
