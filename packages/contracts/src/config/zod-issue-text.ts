import { closestMatches } from "@peak/errors";
import { describeValue } from "./config-path";

/** The fields of a zod 4 issue that the messages use. */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  format?: string;
  divisor?: number | bigint;
}

const UNITS: Readonly<Record<string, string>> = {
  string: " characters",
  array: " items",
  set: " items",
  file: " bytes",
};

// zod 4 always sends `values` with invalid_value; the fallback only keeps the types honest.
// Stryker disable next-line ArrayDeclaration: unreachable with zod 4 issues (see above)
const valuesOf = (issue: ZodIssueLike): readonly unknown[] => issue.values ?? [];

const bound = (issue: ZodIssueLike, small: boolean): string => {
  const limit = small ? issue.minimum : issue.maximum;
  const origin = issue.origin ?? "value";
  const unit = UNITS[origin];
  if (unit !== undefined) {
    const units = Number(limit) === 1 ? unit.slice(0, -1) : unit;
    return `${small ? "at least" : "at most"} ${String(limit)}${units}`;
  }
  const op = small ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
  return `a ${origin === "int" ? "number" : origin} ${op} ${String(limit)}`;
};

/** What the value should have been, in words (`a number >= 0`, `one of "a" | "b"`). */
export const expectedText = (issue: ZodIssueLike): string => {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected ?? "another type";
    case "too_small":
      return bound(issue, true);
    case "too_big":
      return bound(issue, false);
    case "invalid_value": {
      const values = valuesOf(issue);
      return values.length === 1
        ? JSON.stringify(values[0])
        : `one of ${values.map((v) => JSON.stringify(v)).join(" | ")}`;
    }
    case "invalid_format":
      return `a valid ${issue.format ?? "format"}`;
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
};

/** Suggestions for a wrong enum/literal string (`ma_crosover` → `ma_crossover`). */
export const valueSuggestions = (issue: ZodIssueLike): string[] => {
  if (issue.code !== "invalid_value" || typeof issue.input !== "string") return [];
  const options = valuesOf(issue).filter((v): v is string => typeof v === "string");
  return closestMatches(issue.input, options);
};

/** One line for an issue: `expected a number >= 0, got -1`. */
export const issueMessage = (issue: ZodIssueLike): string => {
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return `is required (expected ${expectedText(issue)})`;
  }
  const known = [
    "invalid_type",
    "too_small",
    "too_big",
    "invalid_value",
    "invalid_format",
    "not_multiple_of",
  ];
  if (!known.includes(issue.code)) return issue.message;
  return `expected ${expectedText(issue)}, got ${describeValue(issue.input)}`;
};
