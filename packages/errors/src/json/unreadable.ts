// Placeholders for values whose reading threw (a getter, a Proxy trap, a revoked Proxy).
import { escapeControl } from "../hints/escape-control";

const MAX_REASON = 200;

/** The thrown value as short text, without ever throwing itself. */
export const describeThrown = (thrown: unknown): string => {
  try {
    if (thrown instanceof Error) {
      const { name, message } = thrown;
      return name === "Error" || typeof name !== "string" ? String(message) : `${name}: ${message}`;
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: String() of a string is that string
    return typeof thrown === "string" ? thrown : String(thrown);
  } catch {
    return "the thrown value could not be read either";
  }
};

/** `"[unreadable: <reason>]"`, the reason escaped and cut to 200 characters. */
export const unreadable = (thrown: unknown): string => {
  const reason = describeThrown(thrown);
  const short = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason;
  return `[unreadable: ${escapeControl(short)}]`;
};

/** `object[key]`, or the {@link unreadable} placeholder when reading it throws. */
export const readSafely = (object: object, key: PropertyKey): unknown => {
  try {
    return (object as Record<PropertyKey, unknown>)[key];
  } catch (thrown) {
    return unreadable(thrown);
  }
};

/** `String(value)`, or the {@link unreadable} placeholder when that throws. */
export const safeString = (value: unknown): string => {
  // Stryker disable next-line ConditionalExpression,StringLiteral: String() of a string is that string
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch (thrown) {
    return unreadable(thrown);
  }
};
