// The constructor's copy of `context`: the same keys as `{ ...context }`, without ever throwing.
import { unreadable } from "./unreadable";

/**
 * A shallow copy of the own enumerable properties (as object spread makes), where a getter or
 * Proxy trap that throws leaves `"[unreadable: <reason>]"` for that key, and a context whose
 * keys cannot be listed at all becomes `{ context: "[unreadable: <reason>]" }`.
 */
export const copyContext = (context: unknown): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  // Stryker disable next-line ConditionalExpression,LogicalOperator: Object(undefined) and Object(null) are {} with no keys, the same empty copy
  if (context === undefined || context === null) return copy;
  const source = Object(context) as Record<PropertyKey, unknown>;
  let keys: PropertyKey[];
  try {
    keys = Reflect.ownKeys(source);
  } catch (thrown) {
    copy.context = unreadable(thrown);
    return copy;
  }
  for (const key of keys) {
    let value: unknown;
    try {
      if (Object.getOwnPropertyDescriptor(source, key)?.enumerable !== true) continue;
      value = source[key];
    } catch (thrown) {
      value = unreadable(thrown);
    }
    Object.defineProperty(copy, key, {
      value,
      enumerable: true,
      // Stryker disable next-line BooleanLiteral: the one caller freezes the copy, which makes every key read-only and fixed anyway
      writable: true,
      // Stryker disable next-line BooleanLiteral: see above
      configurable: true,
    });
  }
  return copy;
};
