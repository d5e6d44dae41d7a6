import { formatPath, type PathSegment } from "../hash/json-path";

/** Where two outputs of {@link verifyDeterminism} first differ. */
export interface Difference {
  /** JSON path of the first differing value, e.g. `$.trades[3].price` (`$` for the whole value). */
  readonly path: string;
  /** The value in the first run at `path` (`undefined` when absent there). */
  readonly expected: unknown;
  /** The value in the other run at `path` (`undefined` when absent there). */
  readonly actual: unknown;
}

/**
 * The first place (depth first, keys in sorted order) where two JSON values differ, or
 * undefined when they are equal as JSON (so `-0` equals `0`, as in the canonical text).
 */
export const firstDifference = (expected: unknown, actual: unknown): Difference | undefined =>
  walk(expected, actual, []);

const walk = (a: unknown, b: unknown, path: PathSegment[]): Difference | undefined => {
  // `===` already holds for -0 and 0.
  if (a === b) return undefined;
  const here = () => ({ path: formatPath(path), expected: a, actual: b });
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return here();
  if (Array.isArray(a) !== Array.isArray(b)) return here();
  // Stryker disable next-line LogicalOperator: the line above returned unless both or neither are arrays
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      // Past the end of one array the item reads undefined, so a difference found is the one below.
      const found = walk(a[i], b[i], [...path, i]);
      if (found) return found;
      if (i >= a.length || i >= b.length)
        return { path: formatPath([...path, i]), expected: a[i], actual: b[i] };
    }
    return undefined;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  for (const key of keys) {
    const inLeft = Object.hasOwn(left, key);
    const inRight = Object.hasOwn(right, key);
    const next = [...path, key];
    if (inLeft !== inRight)
      return {
        path: formatPath(next),
        expected: inLeft ? left[key] : undefined,
        actual: inRight ? right[key] : undefined,
      };
    const found = walk(left[key], right[key], next);
    if (found) return found;
  }
  return undefined;
};
