import { ConfigError } from "@peak/errors";
import { toCanonicalTree } from "./canonical-tree";
import { PathFailure } from "./json-path";

/**
 * Serialises a JSON value in the RFC 8785 JSON Canonicalization Scheme (JCS): no whitespace,
 * object members sorted by UTF-16 code units at every level, ECMAScript number formatting
 * (`1e+30`, `4.5`, `1e-7`, `-0` → `0`), minimal string escaping, UTF-8 text left as is.
 *
 * The value model is strict, so two different inputs never print the same: only `null`,
 * booleans, finite numbers, well-formed strings, dense arrays and plain objects are allowed.
 * Own `__proto__` keys (as made by `JSON.parse`) are serialised as ordinary data. As with
 * `JSON.stringify`, symbol-keyed and non-enumerable properties are not data and are skipped.
 *
 * @throws {@link ConfigError} naming the JSON path (e.g. `$.a.b[2]`) of the first `undefined`,
 * function, symbol, bigint, NaN, ±Infinity, lone surrogate, array hole, non-plain object
 * (Date, Map, class instance…) or cycle.
 * @example
 * ```ts
 * stableStringify({ b: [1, 2.50], a: "€" }); // '{"a":"€","b":[1,2.5]}'
 * ```
 */
export const stableStringify = (value: unknown): string => {
  let canonical;
  try {
    canonical = toCanonicalTree(value);
  } catch (error) {
    if (!(error instanceof PathFailure)) throw error;
    throw new ConfigError(`Cannot canonicalise ${error.path()}: ${error.reason}`, {
      hint: error.hint,
      context: { path: error.path() },
    });
  }
  // For validated data whose objects enumerate in JCS order, native JSON.stringify prints
  // exactly the JCS text: the same ECMAScript number formatting and string escaping.
  return canonical.ordered ? JSON.stringify(canonical.tree) : writeSorted(canonical.tree);
};

// Slow path for objects with integer-like keys, which JavaScript always enumerates first.
const writeSorted = (value: unknown): string => {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(writeSorted).join(",")}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${writeSorted(record[key])}`);
  return `{${members.join(",")}}`;
};
