import { ConfigError } from "@peak/errors";
import { PathFailure } from "./json-path";
import { isWellFormed, typeOf } from "./seed";

// Strings that need no escaping: no quote, backslash, control character or surrogate.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * Serialises a JSON value in the RFC 8785 JSON Canonicalization Scheme (JCS): no whitespace,
 * object members sorted by UTF-16 code units at every level, ECMAScript number formatting
 * (`1e+30`, `4.5`, `1e-7`, `-0` → `0`), minimal string escaping, UTF-8 text left as is.
 *
 * The value model is strict, so two different inputs never print the same: only `null`,
 * booleans, finite numbers, well-formed strings, dense arrays and plain objects are allowed.
 * Own `__proto__` keys (as made by `JSON.parse`) are serialised as ordinary data.
 *
 * @throws {@link ConfigError} naming the JSON path (e.g. `$.a.b[2]`) of the first `undefined`,
 * function, symbol, bigint, NaN, ±Infinity, lone surrogate, array hole, non-plain object
 * (Date, Map, class instance…), symbol key or cycle.
 * @example
 * ```ts
 * stableStringify({ b: [1, 2.50], a: "€" }); // '{"a":"€","b":[1,2.5]}'
 * ```
 */
export const stableStringify = (value: unknown): string => {
  try {
    return write(value, []);
  } catch (error) {
    if (!(error instanceof PathFailure)) throw error;
    throw new ConfigError(`Cannot canonicalise ${error.path()}: ${error.reason}`, {
      hint: error.hint,
      context: { path: error.path() },
    });
  }
};

const write = (value: unknown, ancestors: object[]): string => {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      if (Number.isFinite(value)) return String(value);
      throw new PathFailure(
        `${value} is not valid JSON`,
        "Replace it with null or a finite number",
      );
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (ancestors.includes(value)) {
        throw new PathFailure("a cycle leads back to an enclosing value", "Remove the cycle");
      }
      return Array.isArray(value) ? writeArray(value, ancestors) : writeObject(value, ancestors);
    case "bigint":
    case "symbol":
    case "undefined":
    case "function":
      throw new PathFailure(`${typeof value} is not a JSON value`, unsupportedHint(typeof value));
  }
};

/** Quotes and escapes a string exactly as JSON.stringify does (RFC 8785 §3.2.2.2). */
export const quote = (text: string): string => {
  if (PLAIN.test(text)) return `"${text}"`;
  if (!isWellFormed(text)) {
    throw new PathFailure("the string has a lone surrogate", "Use well-formed Unicode text");
  }
  return JSON.stringify(text);
};

const writeArray = (array: unknown[], ancestors: object[]): string => {
  ancestors.push(array);
  let out = "[";
  let i = 0;
  try {
    for (; i < array.length; i++) {
      if (i > 0) out += ",";
      const item = array[i];
      if (item === undefined && !(i in array)) {
        throw new PathFailure("array hole", "Fill the hole, e.g. with null");
      }
      out += write(item, ancestors);
    }
  } catch (error) {
    if (error instanceof PathFailure) error.reversed.push(i);
    throw error;
  }
  ancestors.pop();
  return `${out}]`;
};

const writeObject = (object: object, ancestors: object[]): string => {
  checkPlain(object);
  ancestors.push(object);
  // Default sort compares UTF-16 code units, which is exactly the JCS order.
  const keys = Object.keys(object).sort();
  let out = "{";
  let key = "";
  try {
    for (let i = 0; i < keys.length; i++) {
      key = keys[i]!;
      if (i > 0) out += ",";
      out += `${quote(key)}:${write((object as Record<string, unknown>)[key], ancestors)}`;
    }
  } catch (error) {
    if (error instanceof PathFailure) error.reversed.push(key);
    throw error;
  }
  ancestors.pop();
  return `${out}}`;
};

const checkPlain = (object: object): void => {
  const proto: unknown = Object.getPrototypeOf(object);
  // Cross-realm plain objects have another realm's Object.prototype, whose own prototype is null.
  if (proto !== null && proto !== Object.prototype && Object.getPrototypeOf(proto) !== null) {
    throw new PathFailure(
      `${typeOf(object)} is not a plain object`,
      "Convert it first (a Date to an ISO string, a Map to an object, a Set to a sorted array)",
    );
  }
  if (Object.getOwnPropertySymbols(object).length > 0) {
    throw new PathFailure("symbol keys cannot be serialised", "Use string keys");
  }
};

const unsupportedHint = (type: string): string =>
  type === "bigint"
    ? "Convert the bigint to a string (or a number if it is a safe integer)"
    : type === "undefined"
      ? "Remove the key or use null"
      : "Only null, booleans, finite numbers, strings, arrays and plain objects are allowed";
