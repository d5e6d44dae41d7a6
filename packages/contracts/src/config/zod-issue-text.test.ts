import { describe, expect, it } from "vitest";
import { z } from "zod";
import { expectedText, issueMessage, valueSuggestions, type ZodIssueLike } from "./zod-issue-text";

// The first issue zod 4 reports for `value`, with the input kept (as parseConfig asks).
const issueOf = (schema: z.ZodType, value: unknown): ZodIssueLike => {
  const parse = schema.safeParse as (v: unknown, p: object) => z.ZodSafeParseResult<unknown>;
  const issue = parse.call(schema, value, { reportInput: true }).error?.issues[0];
  if (issue === undefined) throw new Error("expected an issue");
  return issue as ZodIssueLike;
};

describe("expectedText and issueMessage", () => {
  it.each<[string, z.ZodType, unknown, string, string]>([
    ["a wrong type", z.number(), "x", "number", 'expected number, got "x"'],
    ["an inclusive minimum", z.int().min(3), 1, "a number >= 3", "expected a number >= 3, got 1"],
    ["an exclusive minimum", z.number().gt(0), 0, "a number > 0", "expected a number > 0, got 0"],
    [
      "an inclusive maximum",
      z.number().max(1),
      2,
      "a number <= 1",
      "expected a number <= 1, got 2",
    ],
    ["an exclusive maximum", z.number().lt(0), 0, "a number < 0", "expected a number < 0, got 0"],
    [
      "the safe-integer range",
      z.int(),
      2 ** 60,
      "a number <= 9007199254740991",
      "expected a number <= 9007199254740991, got 1152921504606847000",
    ],
    ["a bigint minimum", z.bigint().min(3n), 1n, "a bigint >= 3", "expected a bigint >= 3, got 1"],
    [
      "a short string",
      z.string().min(2),
      "a",
      "at least 2 characters",
      'expected at least 2 characters, got "a"',
    ],
    [
      "a long string",
      z.string().max(1),
      "ab",
      "at most 1 character",
      'expected at most 1 character, got "ab"',
    ],
    [
      "a short array",
      z.array(z.number()).min(1),
      [],
      "at least 1 item",
      "expected at least 1 item, got an array",
    ],
    [
      "a long array",
      z.array(z.number()).max(2),
      [1, 2, 3],
      "at most 2 items",
      "expected at most 2 items, got an array",
    ],
    [
      "a small set",
      z.set(z.number()).min(2),
      new Set([1]),
      "at least 2 items",
      "expected at least 2 items, got an object",
    ],
    ["a wrong literal", z.literal("a"), "b", '"a"', 'expected "a", got "b"'],
    [
      "a wrong option",
      z.enum(["a", "b"]),
      5,
      'one of "a" | "b"',
      'expected one of "a" | "b", got 5',
    ],
    [
      "a mixed literal",
      z.literal(["a", 1]),
      "b",
      'one of "a" | 1',
      'expected one of "a" | 1, got "b"',
    ],
    ["a bad format", z.email(), "x", "a valid email", 'expected a valid email, got "x"'],
    [
      "a non-multiple",
      z.number().multipleOf(5),
      3,
      "a multiple of 5",
      "expected a multiple of 5, got 3",
    ],
    ["a refinement", z.number().refine(() => false, "too odd"), 1, "too odd", "too odd"],
    ["a union", z.union([z.number(), z.string()]), true, "Invalid input", "Invalid input"],
  ])("words %s", (_, schema, value, expected, message) => {
    const issue = issueOf(schema, value);
    expect(expectedText(issue)).toBe(expected);
    expect(issueMessage(issue)).toBe(message);
  });

  it("counts a file's size in bytes", () => {
    const issue = issueOf(z.file().min(2), new File(["a"], "a.txt"));
    expect(expectedText(issue)).toBe("at least 2 bytes");
  });

  it("says a missing value is required, and a failed refinement of one keeps its message", () => {
    const schema = z.object({ a: z.number(), b: z.unknown().refine((v) => v !== undefined, "b?") });
    const [missing, refined] = schema.safeParse({}).error?.issues ?? [];
    expect(issueMessage(missing as ZodIssueLike)).toBe("is required (expected number)");
    expect(issueMessage(refined as ZodIssueLike)).toBe("b?");
  });

  it("falls back to generic words when an issue lacks its details", () => {
    const bare = (code: string): ZodIssueLike => ({ code, path: [], message: "m", input: 1 });
    expect(expectedText(bare("invalid_type"))).toBe("another type");
    expect(expectedText({ ...bare("too_small"), minimum: 3, inclusive: true })).toBe(
      "a value >= 3",
    );
    expect(expectedText(bare("invalid_format"))).toBe("a valid format");
  });
});

describe("valueSuggestions", () => {
  it("suggests the nearest string options of an enum or literal", () => {
    const issue = issueOf(z.literal(["ma_crossover", "breakout", 7]), "ma_crosover");
    expect(valueSuggestions(issue)).toEqual(["ma_crossover"]);
  });

  it("suggests nothing for a non-string input or another kind of issue", () => {
    expect(valueSuggestions(issueOf(z.enum(["a1", "a2"]), 1))).toEqual([]);
    const custom: ZodIssueLike = {
      code: "custom",
      path: [],
      message: "m",
      input: "abc",
      values: ["abd"],
    };
    expect(valueSuggestions(custom)).toEqual([]);
  });
});
