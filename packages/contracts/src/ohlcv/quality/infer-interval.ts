// Spacings looked at, spread evenly over the table.
const SAMPLE = 4097;

/**
 * The median of an even sample of at most ~4k of the `n - 1` spacings of `n` rows, where
 * `spacing(i)` is row i's distance from row i - 1 (asked for in increasing `i`); spacings that
 * are not positive and finite are skipped. Returns 0 when none is usable.
 */
export const medianSpacing = (n: number, spacing: (row: number) => number): number => {
  const step = Math.max(1, Math.floor((n - 1) / SAMPLE));
  const spacings: number[] = [];
  for (let i = 1; i < n; i += step) {
    const d = spacing(i);
    if (d > 0 && Number.isFinite(d)) spacings.push(d);
  }
  if (spacings.length === 0) return 0;
  spacings.sort((a, b) => a - b);
  return spacings[Math.floor((spacings.length - 1) / 2)] as number;
};

/**
 * The median spacing of consecutive ascending stamps, from an even sample of at most ~4k
 * spacings across the table (cheap on 10M rows, robust to weekends and a few gaps).
 * Returns 0 when there are fewer than two usable stamps.
 */
export const inferIntervalMs = (ms: Float64Array): number =>
  medianSpacing(ms.length, (i) => (ms[i] as number) - (ms[i - 1] as number));
