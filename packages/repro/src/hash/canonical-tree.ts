import { asPathFailure, PathFailure } from "./json-path";
import {
  checkPlain,
  hasDigitKey,
  isSorted,
  MAX_CONTAINERS,
  MAX_DEPTH,
  tooDeep,
  tooMany,
  unsupportedHint,
} from "./json-model";
import { isWellFormed } from "./value-type";

/** Result of {@link toCanonicalTree}. */
export interface CanonicalTree {
  /** The value, with every object's own enumeration order equal to the JCS member order. */
  readonly tree: unknown;
  /**
   * False when an object with integer-like keys could not be given JCS order (JavaScript always
   * enumerates array-index keys first): the tree must then be printed with sorted keys by hand.
   */
  readonly ordered: boolean;
}

// Depth above which the fast pass gives up and the careful pass (with cycle detection) runs.
const FAST_DEPTH = 100;
// Stryker disable next-line StringLiteral: the message never escapes; TOO_DEEP is only compared by identity
const TOO_DEEP = new Error("too deep for the fast pass"); // preallocated, never escapes

interface State {
  ordered: boolean;
  depth: number;
  containers: number;
  /** Most objects and arrays to visit ({@link MAX_CONTAINERS} unless a test passes fewer). */
  readonly maxContainers: number;
  /** The objects enclosing the current one: only tracked in the careful pass. */
  readonly ancestors: object[] | undefined;
}

/**
 * Validates a JSON value against the strict model and returns it with object keys in JCS
 * order, copying only the objects whose keys were out of order (and their ancestors).
 * @throws PathFailure for the first unsupported value, for nesting deeper than
 * {@link MAX_DEPTH}, for more than {@link MAX_CONTAINERS} objects, and (wrapped) for a getter
 * or Proxy trap that throws.
 * @param maxContainers - internal: the container limit, lowered only by tests, which then reach
 * it with a thousand objects instead of a million.
 */
export const toCanonicalTree = (value: unknown, maxContainers = MAX_CONTAINERS): CanonicalTree => {
  // Fast pass without cycle bookkeeping: a cycle (or very deep data) shows up as depth > 100.
  try {
    const state: State = {
      ordered: true,
      depth: 0,
      containers: 0,
      maxContainers,
      ancestors: undefined,
    };
    return { tree: visit(value, state), ordered: state.ordered };
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
  }
  // Stryker disable next-line ArrayDeclaration: a string among the ancestors never equals an object
  const state: State = { ordered: true, depth: 0, containers: 0, maxContainers, ancestors: [] };
  return { tree: visit(value, state), ordered: state.ordered };
};

const visit = (value: unknown, state: State): unknown => {
  switch (typeof value) {
    case "string":
      if (isWellFormed(value)) return value;
      throw new PathFailure("the string has a lone surrogate", "Use well-formed Unicode text");
    case "number":
      if (Number.isFinite(value)) return value;
      throw new PathFailure(`${value} is not valid JSON`, "Use null or a finite number");
    case "boolean":
      return value;
    case "object":
      return value === null ? value : visitContainer(value, state);
    case "bigint":
    case "symbol":
    case "undefined":
    case "function":
      throw new PathFailure(`${typeof value} is not a JSON value`, unsupportedHint(typeof value));
  }
};

const visitContainer = (value: object, state: State): unknown => {
  const { ancestors } = state;
  if (++state.containers > state.maxContainers) throw tooMany(state.maxContainers);
  if (ancestors === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: leaving the fast pass early only costs time; the careful pass gives the same tree and failures
    if (++state.depth > FAST_DEPTH) throw TOO_DEEP;
    const result = Array.isArray(value) ? visitArray(value, state) : visitObject(value, state);
    // Stryker disable next-line UpdateOperator: a depth counted too high only leaves the fast pass early (see above)
    state.depth--;
    return result;
  }
  if (ancestors.length >= MAX_DEPTH) throw tooDeep();
  if (ancestors.includes(value)) {
    throw new PathFailure("a cycle leads back to an enclosing value", "Remove the cycle");
  }
  ancestors.push(value);
  const result = Array.isArray(value) ? visitArray(value, state) : visitObject(value, state);
  ancestors.pop();
  return result;
};

const visitArray = (array: unknown[], state: State): unknown[] => {
  checkPlain(array);
  let copy: unknown[] | undefined;
  let i = 0;
  try {
    for (; i < array.length; i++) {
      const item = array[i];
      // Stryker disable next-line ConditionalExpression: only a hole reads undefined and is not `in` the array; the first test only saves the `in`
      if (item === undefined && !(i in array)) {
        throw new PathFailure("array hole", "Fill the hole, e.g. with null");
      }
      const canonical = visit(item, state);
      if (canonical !== item) copy ??= array.slice(0, i);
      if (copy !== undefined) copy[i] = canonical;
    }
  } catch (error) {
    if (error === TOO_DEEP) throw error;
    const failure = asPathFailure(error);
    failure.reversed.push(i);
    throw failure;
  }
  return copy ?? array;
};

const visitObject = (object: object, state: State): object => {
  checkPlain(object);
  const record = object as Record<string, unknown>;
  const keys = Object.keys(object);
  const sorted = isSorted(keys);
  // Default sort compares UTF-16 code units, which is exactly the JCS order.
  // Stryker disable next-line ConditionalExpression: sorting sorted keys changes nothing
  if (!sorted) keys.sort();
  // A copy is made only when the keys were out of order or a child changed.
  let copy: Record<string, unknown> | undefined = sorted ? undefined : {};
  // Stryker disable next-line StringLiteral: every failure in the loop comes after `key` is set
  let key = "";
  try {
    for (let i = 0; i < keys.length; i++) {
      key = keys[i]!;
      if (!isWellFormed(key))
        throw new PathFailure("the key has a lone surrogate", "Use well-formed keys");
      const original = record[key];
      const canonical = visit(original, state);
      if (copy === undefined && canonical !== original) copy = copyPrefix(record, keys, i);
      if (copy !== undefined) put(copy, key, canonical);
    }
  } catch (error) {
    if (error === TOO_DEEP) throw error;
    const failure = asPathFailure(error);
    failure.reversed.push(key);
    throw failure;
  }
  if (copy === undefined) return object;
  // Only a copy of unsorted keys with an integer-like one can enumerate out of JCS order (a copy
  // of sorted keys enumerates as the original did); the first two tests only skip Object.keys.
  // Stryker disable next-line LogicalOperator,ConditionalExpression: see the line above
  if (!sorted && hasDigitKey(keys) && !isSorted(Object.keys(copy))) state.ordered = false;
  return copy;
};

const copyPrefix = (record: Record<string, unknown>, keys: string[], end: number) => {
  const copy: Record<string, unknown> = {};
  // Stryker disable next-line EqualityOperator: one key too many is overwritten by the caller's next put
  for (let i = 0; i < end; i++) put(copy, keys[i]!, record[keys[i]!]);
  return copy;
};

const put = (copy: Record<string, unknown>, key: string, value: unknown): void => {
  // defineProperty for "__proto__": a plain assignment would change the copy's prototype.
  // Stryker disable next-line ConditionalExpression: defineProperty of any other key gives the same own data property
  if (key !== "__proto__") copy[key] = value;
  else
    Object.defineProperty(copy, key, {
      value,
      enumerable: true,
      // Stryker disable next-line BooleanLiteral: the copy is only read (serialised), never written
      writable: true,
      // Stryker disable next-line BooleanLiteral: the copy is only read (serialised), never redefined
      configurable: true,
    });
};
