// The strict JSON value model shared by stableStringify: what counts as a plain object, and
// how to fix what does not.
import { PathFailure } from "./json-path";
import { typeOf } from "./value-type";

/**
 * Throws for objects that are not plain (Date, Map, class instances…) and for objects or arrays
 * with a `toJSON` method (own, hidden or inherited), which JSON.stringify would call.
 */
export const checkPlain = (object: object): void => {
  if (typeof (object as { toJSON?: unknown }).toJSON === "function") {
    throw new PathFailure("the value has a toJSON method", "Convert it to plain data first");
  }
  if (Array.isArray(object)) return;
  const proto: unknown = Object.getPrototypeOf(object);
  // Cross-realm plain objects have another realm's Object.prototype, whose own prototype is null.
  // Stryker disable next-line ConditionalExpression: Object.prototype's own prototype is null, so the middle test is a shortcut
  if (proto !== null && proto !== Object.prototype && Object.getPrototypeOf(proto) !== null) {
    throw new PathFailure(
      `${typeOf(object)} is not a plain object`,
      "Convert it first (a Date to an ISO string, a Map to an object, a Set to a sorted array)",
    );
  }
};

/** How to fix a value of an unsupported `typeof`. */
export const unsupportedHint = (type: string): string =>
  type === "bigint"
    ? "Convert the bigint to a string (or a number if it is a safe integer)"
    : type === "undefined"
      ? "Remove the key or use null"
      : "Only null, booleans, finite numbers, strings, arrays and plain objects are allowed";

/** True when the keys are in JCS (UTF-16 code unit) order. */
export const isSorted = (keys: readonly string[]): boolean => {
  // Stryker disable next-line EqualityOperator: object keys are unique, and keys[length] is undefined (never less)
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
};

// hasDigitKey only lets visitObject skip a key listing (see there): a wrong answer costs time only.
// Stryker disable next-line Regex: see above
const DIGITS = /^\d+$/;

/** True when a key may be an array index, which JavaScript enumerates before other keys. */
export const hasDigitKey = (keys: string[]): boolean =>
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: see DIGITS
  keys.some((key) => key.charCodeAt(0) >= 0x30 && key.charCodeAt(0) <= 0x39 && DIGITS.test(key));

/** Deepest nesting accepted: the walk is recursive, and JSON this deep is never a config. */
export const MAX_DEPTH = 1000;

/** Most objects and arrays visited; shared references count each time they are reached. */
export const MAX_CONTAINERS = 1_000_000;

/** The failure for nesting deeper than {@link MAX_DEPTH}. */
export const tooDeep = (): PathFailure =>
  new PathFailure(
    `the value nests deeper than ${MAX_DEPTH} levels`,
    `Flatten the data: canonical JSON accepts at most ${MAX_DEPTH} levels of nesting`,
  );

/** The failure for more than `max` ({@link MAX_CONTAINERS}) objects and arrays. */
export const tooMany = (max: number): PathFailure =>
  new PathFailure(
    `the value has more than ${max.toLocaleString("en-US")} objects and arrays (shared references count each time)`,
    "Hash a digest of large data (e.g. a file's checksum) instead, or share fewer references",
  );
