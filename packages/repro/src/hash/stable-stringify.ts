import { ConfigError } from "@peak/errors";
import { toCanonicalTree } from "./canonical-tree";
import type { PathFailure } from "./json-path";
import { asPathFailure } from "./json-path";

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
 * (Date, Map, class instance…) or cycle, for nesting deeper than 1,000 levels, for more than
 * 1,000,000 objects and arrays (shared references count each time), and for a getter or Proxy
 * trap that throws (the thrown value is the `cause`).
 * @example
 * ```ts
 * stableStringify({ b: [1, 2.50], a: "€" }); // '{"a":"€","b":[1,2.5]}'
 * ```
 */
export const stableStringify = (value: unknown): string => {
  try {
    const canonical = toCanonicalTree(value);
    // For validated data whose objects enumerate in JCS order, native JSON.stringify prints
    // exactly the JCS text: the same ECMAScript number formatting and string escaping.
    return canonical.ordered ? JSON.stringify(canonical.tree) : writeSorted(canonical.tree);
  } catch (error) {
    throw toConfigError(asPathFailure(error));
  }
};

// Paths of very deep values are shortened in the message; the context keeps the whole path.
const MAX_SHOWN_PATH = 120;

const toConfigError = (failure: PathFailure): ConfigError => {
  const path = failure.path();
  const shown = path.length > MAX_SHOWN_PATH ? `${path.slice(0, MAX_SHOWN_PATH)}…` : path;
  const options = { hint: failure.hint, context: { path } };
  const message = `Cannot canonicalise ${shown}: ${failure.reason}`;
  return failure.cause === undefined
    ? new ConfigError(message, options)
    : new ConfigError(message, { ...options, cause: failure.cause });
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
