/** A JSON value: what {@link toSafeJson} returns. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

const MAX_DEPTH = 10;

/**
 * Converts any value into plain JSON data without throwing: cycles become `"[Circular]"`,
 * BigInt becomes `"123n"`, non-finite numbers, functions and symbols become descriptive
 * strings, dates become ISO strings, maps and sets become objects and arrays, errors keep
 * their name and message, and nesting deeper than 10 levels becomes `"[Truncated]"`.
 *
 * @example
 * ```ts
 * const ctx: Record<string, unknown> = { n: 1n };
 * ctx.self = ctx;
 * toSafeJson(ctx); // { n: "1n", self: "[Circular]" }
 * ```
 */
export const toSafeJson = (value: unknown): JsonValue => convert(value, new WeakSet(), 0);

const convert = (value: unknown, seen: WeakSet<object>, depth: number): JsonValue => {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return null;
    case "symbol":
      return value.toString();
    case "function":
      return `[Function ${value.name || "anonymous"}]`;
    case "object":
      return convertObject(value, seen, depth);
  }
};

const convertObject = (value: object | null, seen: WeakSet<object>, depth: number): JsonValue => {
  if (value === null) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (seen.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Truncated]";
  seen.add(value);
  try {
    const next = (v: unknown) => convert(v, seen, depth + 1);
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Map)
      return Object.fromEntries([...value].map(([k, v]) => [String(k), next(v)]));
    if (value instanceof Set) return [...value].map(next);
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name} length=${value.byteLength}]`;
    if (value instanceof Error) return { name: value.name, message: value.message };
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = next(v);
    }
    return out;
  } finally {
    seen.delete(value);
  }
};
