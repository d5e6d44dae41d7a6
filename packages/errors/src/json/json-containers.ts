// The containers of toSafeJson: arrays, sets, maps and plain objects, within the budget.
import { chargeText, TRUNCATED, type Budget } from "./budget";
import type { JsonValue } from "./json-value";
import { readSafely, unreadable } from "./unreadable";

/** Converts one child value (one level deeper). */
export type Next = (value: unknown) => JsonValue;

/** Array-like items, cut with a `"[Truncated: N more items]"` marker when the budget runs out. */
export const convertItems = (
  items: ArrayLike<unknown>,
  length: number,
  budget: Budget,
  next: Next,
): JsonValue[] => {
  const out: JsonValue[] = [];
  budget.remaining -= 2;
  for (let i = 0; i < length; i++) {
    if (budget.remaining <= 0) {
      out.push(`${TRUNCATED.slice(0, -1)}: ${length - i} more items]`);
      break;
    }
    budget.remaining -= 1;
    out.push(next(readSafely(items as object, i)));
  }
  return out;
};

/**
 * Map entries (`[key, value]` pairs) or, with `source`, the keys of a plain object (undefined
 * values skipped), cut with a `"[Truncated]": "N more keys"` member when the budget runs out.
 */
export const convertEntries = (
  list: unknown[],
  budget: Budget,
  next: Next,
  source?: object,
): { [key: string]: JsonValue } => {
  const out: { [key: string]: JsonValue } = {};
  budget.remaining -= 2;
  for (let i = 0; i < list.length; i++) {
    if (budget.remaining <= 0) {
      put(out, TRUNCATED, `${list.length - i} more keys`);
      break;
    }
    const [rawKey, value] = source
      ? [list[i], readSafely(source, list[i] as string)]
      : entry(list[i]);
    if (value === undefined && source) continue;
    const key = chargeText(keyText(rawKey), budget);
    budget.remaining -= 2;
    put(out, key, next(value));
  }
  return out;
};

const entry = (pair: unknown): [unknown, unknown] => pair as [unknown, unknown];

const keyText = (key: unknown): string => {
  try {
    return String(key);
  } catch (thrown) {
    return unreadable(thrown);
  }
};

// defineProperty so a "__proto__" key stays data instead of replacing the prototype.
const put = (out: { [key: string]: JsonValue }, key: string, value: JsonValue): void => {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
};
