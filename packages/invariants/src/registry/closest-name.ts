import { closestMatches } from "@peak/errors";

/**
 * The candidate nearest to `input` by the kit's shared "did you mean" ranking, else the first
 * one that starts with `input` (4 characters or more), e.g. `monotonic` → `monotonic_time`.
 */
export const closestName = (input: string, candidates: readonly string[]): string | undefined => {
  // Stryker disable next-line ObjectLiteral: only the first match is read, so the default max of 3 gives the same result
  const [best] = closestMatches(input, candidates, { max: 1 });
  if (best !== undefined) return best;
  const lower = input.toLowerCase();
  return lower.length >= 4 ? candidates.find((c) => c.toLowerCase().startsWith(lower)) : undefined;
};
