import { describe, expect, it } from "vitest";
import { z } from "zod";
import { thrownConfigError } from "./__fixtures__/thrown-config-error";
import type { ConfigIssue } from "./config-issue";
import { parseConfig } from "./parse-config";

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const error = thrownConfigError(() => parseConfig(schema, input));
  return { error, issues: error.context.issues as ConfigIssue[] };
};

const Limits = z.object({
  a: z.object({ limit: z.number().max(1) }).optional(),
  b: z.object({ limit: z.number().max(1) }).optional(),
});

describe("unknown-key issues", () => {
  it("offers every close key and hints a rename at the root", () => {
    const { issues, error } = issuesOf(
      z.object({ abcd1: z.number().optional(), abcd2: z.number().optional() }),
      {
        abcd: 1,
      },
    );
    expect(issues).toEqual([
      {
        path: "abcd",
        code: "unknown_key",
        message: "unknown key, did you mean `abcd1` or `abcd2`?",
        suggestions: ["abcd1", "abcd2"],
        known: ["abcd1", "abcd2"],
        fix: "Rename `abcd` to `abcd1`",
      },
    ]);
    expect(error.hint).toBe("Rename `abcd` to `abcd1`");
  });

  it("lists every other place that declares the key", () => {
    const { issues } = issuesOf(Limits, { limit: 1 });
    expect(issues[0]?.message).toBe("unknown key (`limit` belongs at `a.limit`, `b.limit`)");
    expect(issues[0]?.fix).toBe("Remove `limit`; keys allowed here: a, b");
  });

  it("says no keys are allowed in an empty object", () => {
    const { issues } = issuesOf(z.object({ inner: z.object({}) }), { inner: { x: 1 } });
    expect(issues[0]).toMatchObject({
      path: "inner.x",
      message: "unknown key",
      known: [],
      fix: "Remove `inner.x`; keys allowed here: none",
    });
  });

  it("does not send a key to where it already is", () => {
    const schema = z.union([z.object({ fast: z.number() }), z.object({ slow: z.number() })]);
    const { issues } = issuesOf(schema, { fast: 1, slow: 2 });
    expect(issues.map((i) => [i.path, i.message])).toEqual([["slow", "unknown key"]]);
  });

  it("reports keys zod rejects where the walk cannot see", () => {
    const schema = z.preprocess((v) => v, z.strictObject({ a: z.number() }));
    const { issues } = issuesOf(schema, { a: 1, zz: 2 });
    expect(issues).toEqual([
      {
        path: "zz",
        code: "unknown_key",
        message: "unknown key",
        suggestions: [],
        fix: "Remove `zz`",
      },
    ]);
  });

  it("suggests a key for a strict object too, once", () => {
    const { issues } = issuesOf(z.strictObject({ limit: z.number() }), { limit: 1, limt: 2 });
    expect(issues.map((i) => [i.path, i.suggestions])).toEqual([["limt", ["limit"]]]);
  });
});

describe("value issues", () => {
  it("hints the nearest valid value, or what is expected", () => {
    const schema = z.object({ mode: z.enum(["abcd1", "abcd2", "other"]), n: z.number().min(0) });
    const { issues, error } = issuesOf(schema, { mode: "abcd", n: -1 });
    expect(issues).toEqual([
      {
        path: "mode",
        code: "invalid_value",
        message:
          'expected one of "abcd1" | "abcd2" | "other", got "abcd", did you mean `abcd1` or `abcd2`?',
        expected: 'one of "abcd1" | "abcd2" | "other"',
        received: '"abcd"',
        suggestions: ["abcd1", "abcd2"],
        fix: 'Set `mode` to "abcd1"',
      },
      {
        path: "n",
        code: "too_small",
        message: "expected a number >= 0, got -1",
        expected: "a number >= 0",
        received: "-1",
        suggestions: [],
        fix: "Set `n` to a number >= 0",
      },
    ]);
    expect(error.hint).toBe('Set `mode` to "abcd1"');
  });

  it("pairs a missing key with its typo at the same level only", () => {
    const { issues } = issuesOf(Limits, { a: { limt: 1 }, b: {} });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ["a.limt", "unknown key, did you mean `limit`?"],
      ["a.limit", "is required (expected number); the input has `limt`, probably a typo"],
      ["b.limit", "is required (expected number)"],
    ]);
  });

  it("pairs a missing root key with its typo", () => {
    const schema = z.object({ limit: z.number(), other: z.string() });
    const { issues } = issuesOf(schema, { limt: 1, other: "x" });
    expect(issues[1]?.message).toBe(
      "is required (expected number); the input has `limt`, probably a typo",
    );
  });

  it("adds no typo note to a present but wrong value", () => {
    const { issues } = issuesOf(Limits, { a: { limit: 5, limt: 1 }, b: { limit: "x", limt: 1 } });
    expect(issues.map((i) => i.message).slice(2)).toEqual([
      "expected a number <= 1, got 5",
      'expected number, got "x"',
    ]);
  });

  it("pairs a missing key with a typo that could be it, not with any typo", () => {
    const schema = z.object({ alpha1: z.number(), alpha2: z.number(), beta: z.number() });
    const { issues } = issuesOf(schema, { alpha: 1 });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ["alpha", "unknown key, did you mean `alpha1` or `alpha2`?"],
      ["alpha1", "is required (expected number); the input has `alpha`, probably a typo"],
      ["alpha2", "is required (expected number); the input has `alpha`, probably a typo"],
      ["beta", "is required (expected number)"],
    ]);
  });
});
