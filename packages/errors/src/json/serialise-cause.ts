// The cause chain of an error, walked in a loop (a chain of 100,000 causes cannot overflow the
// stack), cut after MAX_CAUSES links, sharing the size budget of the enclosing toJSON() call.
import { chargeText, TRUNCATED, type Budget } from "./budget";
import { brandFor, hasBrand } from "../brand";
import { escapeControl } from "../hints/escape-control";
import { convertWithin, toSafeJson, type JsonValue } from "./safe-json";
import { readSafely, safeString, unreadable } from "./unreadable";

/** Causes serialised by `toJSON()` before the chain is cut with `"[Truncated]"`. */
export const MAX_CAUSES = 100;

const PEAK_BRAND = brandFor("PeakTradeError");

type JsonObject = { [key: string]: JsonValue };

/** The serialised chain starting at `first`; `owner` (the error itself) counts as seen. */
export const serialiseCauses = (first: unknown, owner: object, budget: Budget): JsonValue => {
  const seen = new Set<unknown>([owner]);
  const holder: JsonObject = {};
  let parent = holder;
  let current = first;
  for (let links = 0; ; links++) {
    if (seen.has(current)) {
      parent.cause = "[Circular]";
      break;
    }
    if (links >= MAX_CAUSES || budget.remaining <= 0) {
      parent.cause = TRUNCATED;
      break;
    }
    seen.add(current);
    if (!isErrorLike(current)) {
      parent.cause = convertWithin(current, budget);
      break;
    }
    const out = serialiseOne(current, budget);
    parent.cause = out;
    const next = readSafely(current, "cause");
    if (next === undefined) break;
    parent = out;
    current = next;
  }
  return holder.cause ?? null;
};

// Roughly the JSON text of one link's keys and punctuation, which chargeText does not see.
const LINK_OVERHEAD = 96;

const serialiseOne = (err: object, budget: Budget): JsonObject => {
  budget.remaining -= LINK_OVERHEAD;
  const field = (key: string) => readSafely(err, key);
  const text = (value: unknown) => chargeText(safeString(value), budget);
  const out: JsonObject = { name: text(field("name")), message: text(field("message")) };
  const code = field("code");
  if (typeof code === "string") out.code = text(code);
  const hint = field("hint");
  if (hint !== undefined) out.hint = convertWithin(hint, budget);
  const context = field("context");
  if (context !== undefined) out.context = convertWithin(context, budget);
  const retryable = field("retryable");
  if (typeof retryable === "boolean") out.retryable = retryable;
  const stack = field("stack");
  if (stack !== undefined) out.stack = convertWithin(stack, budget);
  return out;
};

// An Error, or a foreign PeakTradeError copy; a value whose prototype cannot be read is not one.
const isErrorLike = (value: unknown): value is object => {
  try {
    return value instanceof Error || hasBrand(value, PEAK_BRAND);
  } catch {
    return false;
  }
};

/** `Name: message` of an error cause, or a non-Error cause as JSON; escaped, never throws. */
export const describeCause = (cause: unknown): string => {
  if (isErrorLike(cause)) {
    const name = safeString(readSafely(cause, "name"));
    const message = safeString(readSafely(cause, "message"));
    return escapeControl(`${name}: ${message}`, { multiline: true });
  }
  try {
    return escapeControl(JSON.stringify(toSafeJson(cause)));
  } catch (thrown) {
    return unreadable(thrown);
  }
};
