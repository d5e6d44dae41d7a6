// The size and depth budget shared by one toSafeJson / toJSON call.

/** Options of {@link toSafeJson}. */
export interface SafeJsonOptions {
  /**
   * Nesting levels kept; objects deeper than this become `"[Truncated]"`. Values outside
   * 0–1000 (or not integers) fall back to the default.
   * @defaultValue 10
   */
  maxDepth?: number | undefined;
  /**
   * Approximate budget for the JSON text, in UTF-16 code units: once spent, remaining
   * values, items and keys are cut with a `"[Truncated…]"` marker. Values below 64 (or not
   * integers) fall back to the default.
   * @defaultValue 65536 (64 KiB)
   */
  maxBytes?: number | undefined;
}

/** The marker for a value left out because of depth or size. */
export const TRUNCATED = "[Truncated]";

const DEFAULT_MAX_DEPTH = 10;
const DEFAULT_MAX_BYTES = 64 * 1024;

/** What is left of one call's size budget, and its depth limit. */
export interface Budget {
  remaining: number;
  readonly maxDepth: number;
}

const pick = (value: number | undefined, min: number, max: number, fallback: number): number =>
  Number.isSafeInteger(value) && value! >= min && value! <= max ? value! : fallback;

/**
 * A fresh budget from the options, with defaults for missing or invalid values. A reserve is
 * held back for what is written after the budget runs out (closing markers, fixed fields): a
 * quarter of `maxBytes`, at most 1 KiB. That keeps the text near `maxBytes`, not strictly within:
 * the `"[Truncated]": "N more keys"` member of each container cut short is written from the
 * reserve, and at the smallest budgets it outgrows it (ten small keys under `maxBytes: 64` give
 * 90 characters).
 */
export const createBudget = (options: SafeJsonOptions = {}): Budget => {
  const maxBytes = pick(options.maxBytes, 64, Number.MAX_SAFE_INTEGER, DEFAULT_MAX_BYTES);
  return {
    remaining: maxBytes - Math.min(1024, Math.floor(maxBytes / 4)),
    maxDepth: pick(options.maxDepth, 0, 1000, DEFAULT_MAX_DEPTH),
  };
};

/**
 * Charges a string to the budget (as its JSON text) and returns it, cut with a marker when it
 * does not fit.
 */
export const chargeText = (text: string, budget: Budget): string => {
  let out = text.length > budget.remaining ? cut(text, budget.remaining) : text;
  let cost = JSON.stringify(out).length;
  // Escapes (`\u0001` is six characters) can make the JSON text much longer than the string;
  // a plain cut costs the kept text, "…", the marker and two quotes.
  if (cost > budget.remaining + TRUNCATED.length + 3) {
    out = cut(text, Math.floor(budget.remaining / 6));
    cost = JSON.stringify(out).length;
  }
  budget.remaining -= cost;
  return out;
};

const cut = (text: string, length: number): string => {
  let end = Math.max(0, length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not split a surrogate pair
  return `${text.slice(0, end)}…${TRUNCATED}`;
};
