import { chargeText, createBudget, TRUNCATED, type Budget, type SafeJsonOptions } from "./budget";
import { convertEntries, convertItems } from "./json-containers";
import type { JsonValue } from "./json-value";
import { readSafely, unreadable } from "./unreadable";

export type { JsonValue };

/**
 * Converts any value into plain JSON data without throwing: cycles become `"[Circular]"`,
 * BigInt becomes `"123n"`, non-finite numbers, functions and symbols become descriptive
 * strings, dates become ISO strings, maps and sets become objects and arrays, errors keep
 * their name and message. Hostile values are contained: a getter or Proxy trap that throws
 * gives `"[unreadable: <reason>]"`, nesting deeper than `maxDepth` (10) gives `"[Truncated]"`,
 * and once about `maxBytes` (64 KiB) of JSON text is produced the rest is cut with a
 * `"[Truncated…]"` marker, so shared references cannot multiply the output without bound.
 *
 * @example
 * ```ts
 * const ctx: Record<string, unknown> = { n: 1n };
 * ctx.self = ctx;
 * toSafeJson(ctx); // { n: "1n", self: "[Circular]" }
 * ```
 */
export const toSafeJson = (value: unknown, options: SafeJsonOptions = {}): JsonValue =>
  convertWithin(value, createBudget(options));

/** {@link toSafeJson} charging an existing budget (shared across one `toJSON()` call). */
export const convertWithin = (value: unknown, budget: Budget): JsonValue =>
  convert(value, budget, new WeakSet(), 0);

const convert = (
  value: unknown,
  budget: Budget,
  seen: WeakSet<object>,
  depth: number,
): JsonValue => {
  if (budget.remaining <= 0) return TRUNCATED;
  switch (typeof value) {
    case "string":
      return chargeText(value, budget);
    case "boolean":
      budget.remaining -= 5;
      return value;
    case "number":
      if (!Number.isFinite(value)) return chargeText(String(value), budget);
      budget.remaining -= String(value).length;
      return value;
    case "bigint":
      return chargeText(`${value}n`, budget);
    case "undefined":
      budget.remaining -= 4;
      return null;
    case "symbol":
      return chargeText(String(value), budget);
    case "function":
      return chargeText(`[Function ${functionName(value)}]`, budget);
    case "object":
      if (value === null) {
        budget.remaining -= 4;
        return null;
      }
      try {
        return convertObject(value, budget, seen, depth);
      } catch (thrown) {
        return chargeText(unreadable(thrown), budget);
      }
  }
};

const functionName = (fn: unknown): string => {
  const name = readSafely(fn as object, "name");
  return typeof name === "string" && name !== "" ? name : "anonymous";
};

const convertObject = (
  value: object,
  budget: Budget,
  seen: WeakSet<object>,
  depth: number,
): JsonValue => {
  if (value instanceof Date) {
    return chargeText(Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString(), budget);
  }
  if (seen.has(value)) return chargeText("[Circular]", budget);
  if (depth >= budget.maxDepth) return chargeText(TRUNCATED, budget);
  seen.add(value);
  try {
    const next = (v: unknown): JsonValue => convert(v, budget, seen, depth + 1);
    if (Array.isArray(value)) return convertItems(value, value.length, budget, next);
    if (value instanceof Map) return convertEntries([...value], budget, next);
    if (value instanceof Set) return convertItems([...value], value.size, budget, next);
    if (ArrayBuffer.isView(value)) {
      const name = String(readSafely(value.constructor, "name"));
      return chargeText(`[${name} length=${value.byteLength}]`, budget);
    }
    if (value instanceof Error) {
      return { name: next(readSafely(value, "name")), message: next(readSafely(value, "message")) };
    }
    const keys = Object.keys(value);
    return convertEntries(keys, budget, next, value);
  } finally {
    seen.delete(value);
  }
};
