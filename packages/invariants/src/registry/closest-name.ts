// @peak/errors has no "did you mean" helper yet (the design puts one there); until it does,
// this small edit distance (Levenshtein plus adjacent swaps, so "rasie" is one edit from
// "raise") ranks the invariant and strictness names.
const distance = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
};

/**
 * The candidate nearest to `input` by edit distance, if it is close enough to be a likely typo
 * (at most a third of the longer name, and at least one edit allowed), else the first one that
 * starts with `input` (4 characters or more), e.g. `monotonic` → `monotonic_time`.
 */
export const closestName = (input: string, candidates: readonly string[]): string | undefined => {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(1, Math.floor(Math.max(input.length, best?.length ?? 0) / 3));
  if (bestDistance <= allowed) return best;
  const lower = input.toLowerCase();
  return lower.length >= 4 ? candidates.find((c) => c.toLowerCase().startsWith(lower)) : undefined;
};
