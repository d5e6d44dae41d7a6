/**
 * Optimal-string-alignment (Damerau–Levenshtein) distance: insertions, deletions,
 * substitutions and swaps of two adjacent characters each cost 1.
 */
export const editDistance = (a: string, b: string): number => {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
};

// Case, `_` and `-` do not count: `max_drawdown`, `maxDrawdown` and `MAX-DRAWDOWN` are equal.
const normalise = (key: string): string => key.toLowerCase().replace(/[_-]/g, "");

/**
 * The candidates closest to `input` (at most `limit`, best first, ties by name), among those
 * within a length-scaled distance: 1 edit for short names, up to a third of the length.
 */
export const closestMatches = (
  input: string,
  candidates: readonly string[],
  limit = 3,
): string[] => {
  const target = normalise(input);
  const maxDistance = Math.max(1, Math.floor(Math.max(target.length, 3) / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(target, normalise(c)) }))
    .filter(({ c, d }) => d <= maxDistance && c !== input)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
    .slice(0, limit)
    .map(({ c }) => c);
};
