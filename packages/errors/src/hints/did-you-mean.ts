import { ConfigError } from "../config-error";

/**
 * Optimal-string-alignment (Damerau–Levenshtein) distance: insertions, deletions,
 * substitutions and swaps of two adjacent characters each cost 1. Case-sensitive.
 *
 * @example
 * ```ts
 * editDistance("retries", "retires"); // 1 (one swap)
 * editDistance("kitten", "sitting"); // 3
 * ```
 */
export const editDistance = (a: string, b: string): number => {
  // Fast paths only: the table below gives the same answers.
  // Stryker disable next-line ConditionalExpression: fast path, equivalent to the full table
  if (a === b) return 0;
  // Stryker disable next-line ConditionalExpression: fast path, equivalent to the full table
  if (a.length === 0) return b.length;
  // Stryker disable next-line ConditionalExpression: fast path, equivalent to the full table
  if (b.length === 0) return a.length;
  // Stryker disable next-line ArrayDeclaration: replaced before it is first read (at i = 2)
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
      // At i = 1 or j = 1 one side reads index -1 (undefined, never a character): no swap.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
};

/** Options of {@link closestMatches}. */
export interface ClosestMatchesOptions {
  /**
   * How many matches to return at most (a non-negative integer).
   * @defaultValue 3
   */
  max?: number;
}

// Case, `_` and `-` do not count: `max_drawdown`, `maxDrawdown` and `MAX-DRAWDOWN` are equal.
const normalise = (key: string): string => key.toLowerCase().replace(/[_-]/g, "");

// Code-unit order, not locale order, so the ranking is the same on every machine.
const byName = (x: string, y: string): number => {
  if (x < y) return -1;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: V8's sort only asks whether the result is below 0, and equal names print the same
  return x > y ? 1 : 0;
};

const readMax = (options: ClosestMatchesOptions | number | undefined): number => {
  const max = typeof options === "number" ? options : (options?.max ?? 3);
  if (!Number.isInteger(max) || max < 0) {
    throw new ConfigError(`Expected \`max\` to be a non-negative integer, got ${String(max)}`, {
      hint: "Pass a whole number such as { max: 1 } for the single best match",
      context: { option: "max", received: String(max) },
    });
  }
  return max;
};

/**
 * The `candidates` closest to `input`, best first (ties by name), at most `max` of them.
 * Case, `_` and `-` are ignored when comparing; a candidate counts only within a
 * length-scaled distance (1 edit for short names, up to a third of the length), and a
 * candidate equal to `input` is never suggested. The ranking is stable across versions.
 *
 * @param options - `{ max }`; a bare number is shorthand for `{ max: n }`.
 * @throws ConfigError when `max` is not a non-negative integer.
 * @example
 * ```ts
 * closestMatches("failureTreshold", ["failureThreshold", "recoveryTimeoutMs"]);
 * // ["failureThreshold"]
 * closestMatches("colour", ["seed", "strategy"]); // []
 * ```
 */
export const closestMatches = (
  input: string,
  candidates: readonly string[],
  options?: ClosestMatchesOptions | number,
): string[] => {
  const max = readMax(options);
  const target = normalise(input);
  const maxDistance = Math.max(1, Math.floor(Math.max(target.length, 3) / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(target, normalise(c)) }))
    .filter(({ c, d }) => d <= maxDistance && c !== input)
    .sort((x, y) => x.d - y.d || byName(x.c, y.c))
    .slice(0, max)
    .map(({ c }) => c);
};

/**
 * A ready-made hint for an unknown name: "Did you mean `x`?" naming the single closest
 * candidate (see {@link closestMatches}), or `undefined` when none is close.
 *
 * @example
 * ```ts
 * const known = ["failureThreshold", "recoveryTimeoutMs"];
 * throw new ConfigError("Unknown option `failureTreshold`", {
 *   hint: didYouMean("failureTreshold", known) ?? `Valid options: ${known.join(", ")}`,
 * }); // hint: "Did you mean `failureThreshold`?"
 * ```
 */
export const didYouMean = (input: string, candidates: readonly string[]): string | undefined => {
  // Stryker disable next-line ObjectLiteral: the default max (3) has the same first entry
  const [best] = closestMatches(input, candidates, { max: 1 });
  return best === undefined ? undefined : `Did you mean \`${best}\`?`;
};
