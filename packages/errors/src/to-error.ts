import { toSafeJson } from "./json/safe-json";

/**
 * Turns any thrown value into an `Error` without losing it: an `Error` is returned as is;
 * anything else becomes an `Error` whose message says a non-Error was thrown and shows the
 * value, with the original value kept as `cause`. Never throws, even for a Proxy whose traps
 * throw.
 *
 * @example
 * ```ts
 * try { mightThrowAString(); } catch (thrown: unknown) {
 *   const error = toError(thrown); // always an Error
 * }
 * ```
 */
export const toError = (value: unknown): Error => {
  try {
    if (value instanceof Error) return value;
    if (isErrorLike(value)) {
      const error = new Error(value.message, { cause: value });
      if (typeof value.name === "string") error.name = value.name;
      return error;
    }
  } catch {
    // a Proxy or getter threw while we looked: describe it as a non-Error value below
  }
  return new Error(`A non-Error value was thrown: ${describe(value)}`, { cause: value });
};

const isErrorLike = (value: unknown): value is { message: string; name?: unknown } =>
  typeof value === "object" &&
  // Stryker disable next-line ConditionalExpression: for null the next test throws, and toError's catch makes it a non-Error value as well
  value !== null &&
  typeof (value as { message?: unknown }).message === "string" &&
  typeof (value as { stack?: unknown }).stack === "string";

const describe = (value: unknown): string => {
  const text =
    // Stryker disable next-line ConditionalExpression,StringLiteral: toSafeJson keeps a string's first 200 characters as they are; this only skips its walk
    typeof value === "string" ? JSON.stringify(value) : JSON.stringify(toSafeJson(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};
