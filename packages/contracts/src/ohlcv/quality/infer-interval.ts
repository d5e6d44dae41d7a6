// Spacings looked at, spread evenly over the table.
const SAMPLE = 4097;

/**
 * The median spacing of consecutive ascending stamps, from an even sample of at most ~4k
 * spacings across the table (cheap on 10M rows, robust to weekends and a few gaps).
 * Returns 0 when there are fewer than two usable stamps.
 */
export const inferIntervalMs = (ms: Float64Array): number => {
  const n = ms.length;
  const step = Math.max(1, Math.floor((n - 1) / SAMPLE));
  const spacings: number[] = [];
  for (let i = 1; i < n; i += step) {
    const d = (ms[i] as number) - (ms[i - 1] as number);
    if (d > 0 && Number.isFinite(d)) spacings.push(d);
  }
  if (spacings.length === 0) return 0;
  spacings.sort((a, b) => a - b);
  return spacings[Math.floor((spacings.length - 1) / 2)] as number;
};
