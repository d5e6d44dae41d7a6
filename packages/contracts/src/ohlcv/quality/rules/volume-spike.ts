import type { ResolvedQuality } from "../resolve-quality";
import type { WarningCollector } from "../warning-collector";

// Index of the first of the `n` sorted values in `a` that is >= x.
const lowerBound = (a: Float64Array, n: number, x: number): number => {
  let lo = 0;
  let hi = n;
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
 * median judges nothing). Its own pass over a sorted window: O(window) per row, no allocation.
 */
export const scanVolumeSpikes = (
  q: ResolvedQuality,
  volume: Float64Array,
  column: string,
  out: WarningCollector,
): void => {
  const w = q.volumeSpikeWindow;
  const window = new Float64Array(w); // sorted, no allocation per row
  let size = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads volume[n] as undefined, which is no spike, and only reshuffles the window
  for (let i = 0; i < volume.length; i++) {
    if (i >= w) {
      const median = ((window[(w - 1) >> 1] as number) + (window[w >> 1] as number)) / 2;
      if (median > 0 && (volume[i] as number) > q.volumeSpikeMultiple * median) {
        out.add("volume_spike", column, i, 1);
      }
      const at = lowerBound(window, size, finiteOrZero(volume[i - w] as number));
      window.copyWithin(at, at + 1, size);
      size--;
    }
    const v = finiteOrZero(volume[i] as number);
    const at = lowerBound(window, size, v);
    window.copyWithin(at + 1, at, size);
    window[at] = v;
    size++;
  }
};
