import { ConfigError } from "@peak/errors";

// Option checks shared by every policy: each throws a ConfigError naming the option and owner.

const describe = (value: unknown): string => {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;
};

const fail = (owner: string, option: string, expected: string, value: unknown): never => {
  throw new ConfigError(`Expected \`${option}\` to be ${expected}, got ${describe(value)}`, {
    hint: `Pass ${expected} as \`${option}\` to ${owner}(), or leave it out for the default`,
    context: { option, owner, received: describe(value) },
  });
};

/**
 * A finite number `>= min` (milliseconds, counts); `undefined` gives `fallback`, or fails
 * when the option is required (`fallback` undefined).
 */
export const checkNumber = (
  owner: string,
  option: string,
  value: unknown,
  fallback: number | undefined,
  min = 0,
): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    return fail(owner, option, `a finite number >= ${min}`, value);
  }
  return value;
};

/** An integer `>= min`, or `Infinity` when `allowInfinity`; `undefined` as in {@link checkNumber}. */
export const checkInteger = (
  owner: string,
  option: string,
  value: unknown,
  fallback: number | undefined,
  min = 1,
  allowInfinity = false,
): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  const ok =
    typeof value === "number" &&
    value >= min &&
    (Number.isInteger(value) || (allowInfinity && value === Infinity));
  return ok ? value : fail(owner, option, `an integer >= ${min}`, value);
};

/** A time limit in milliseconds: `undefined`, 0 and `Infinity` all mean "no limit" (`Infinity`). */
export const checkLimit = (owner: string, option: string, value: unknown): number => {
  if (value === undefined || value === 0 || value === Infinity) return Infinity;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    return fail(owner, option, "a number of milliseconds > 0, or 0/Infinity for no limit", value);
  }
  return value;
};

/** A fraction in `(0, 1]`, such as a failure rate. */
export const checkRate = (owner: string, option: string, value: unknown): number => {
  if (typeof value !== "number" || !(value > 0 && value <= 1)) {
    return fail(owner, option, "a rate in (0, 1]", value);
  }
  return value;
};

/** Throws the `ConfigError` for a bad option value. */
export const badOption = fail;

/** One of `choices`; `undefined` gives `fallback`. */
export const checkChoice = <C extends string>(
  owner: string,
  option: string,
  value: unknown,
  choices: readonly C[],
  fallback: C,
): C => {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value))
    return value as C;
  return fail(owner, option, `one of ${choices.map((c) => `"${c}"`).join(", ")}`, value);
};
