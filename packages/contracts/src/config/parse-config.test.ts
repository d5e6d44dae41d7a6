import type { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ConfigIssue } from "./config-issue";
import { thrownConfigError } from "./__fixtures__/thrown-config-error";
import { parseConfig } from "./parse-config";

const Schema = z.object({
  strategy: z.enum(["ma_crossover", "breakout"]),
  risk: z.object({ maxDrawdown: z.number().min(0).max(1), lookbackMs: z.int().positive() }),
  entropy: z.object({ drift: z.number() }).optional(),
  legs: z.array(z.object({ symbol: z.string().min(1), weight: z.number() })).default([]),
  tags: z.record(z.string(), z.object({ on: z.boolean() })).optional(),
  extra: z.looseObject({ name: z.string().optional() }).optional(),
});

const VALID = { strategy: "breakout", risk: { maxDrawdown: 0.2, lookbackMs: 1000 } };

const issuesOf = (input: unknown): { error: ConfigError; issues: ConfigIssue[] } => {
  const error = thrownConfigError(() => parseConfig(Schema, input));
  return { error, issues: error.context.issues as ConfigIssue[] };
};

describe("parseConfig", () => {
  it("returns the parsed output for a valid config", () => {
    expect(parseConfig(Schema, VALID)).toEqual({ ...VALID, legs: [] });
  });

  it("reports every unknown key at every level with suggestions", () => {
    const { issues, error } = issuesOf({
      ...VALID,
      stratgy: "x",
      risk: { maxDrawdown: 0.2, lookbackMs: 5, lookbackMS: 1 },
      legs: [{ symbol: "A", weight: 1, wieght: 2 }],
      tags: { a: { on: true, of: 1 } },
      extra: { anything: 1 },
    });
    const unknown = issues.filter((i) => i.code === "unknown_key");
    expect(unknown.map((i) => [i.path, i.suggestions])).toEqual([
      ["risk.lookbackMS", ["lookbackMs"]],
      ["stratgy", ["strategy"]],
      ["legs[0].wieght", ["weight"]],
      ["tags.a.of", ["on"]],
    ]);
    expect(error.message).toContain("stratgy: unknown key, did you mean `strategy`?");
    expect(error.hint).toBe("Rename `lookbackMS` to `lookbackMs` in `risk`");
  });

  it("names the path, expected value and received value of type and range errors", () => {
    const { issues } = issuesOf({
      strategy: "ma_crosover",
      risk: { maxDrawdown: 1.5, lookbackMs: "1s" },
      legs: [{ symbol: "", weight: 1 }],
    });
    expect(issues.map((i) => [i.path, i.code, i.expected, i.received])).toEqual([
      ["strategy", "invalid_value", 'one of "ma_crossover" | "breakout"', '"ma_crosover"'],
      ["risk.maxDrawdown", "too_big", "a number <= 1", "1.5"],
      ["risk.lookbackMs", "invalid_type", "number", '"1s"'],
      ["legs[0].symbol", "too_small", "at least 1 character", '""'],
    ]);
    expect(issues[0]?.message).toContain("did you mean `ma_crossover`?");
  });

  it("pairs a missing key with its likely typo and spots keys at the wrong level", () => {
    const { issues, error } = issuesOf({
      strategy: "breakout",
      risk: { maxDrawdwn: 0.2, lookbackMs: 1, drift: 3 },
    });
    expect(issues.map((i) => i.path)).toEqual([
      "risk.maxDrawdwn",
      "risk.drift",
      "risk.maxDrawdown",
    ]);
    expect(issues[1]?.message).toContain("belongs at `entropy.drift`");
    expect(issues[2]?.message).toContain(
      "is required (expected number); the input has `maxDrawdwn`",
    );
    expect(error.message).toContain("3 problems");
  });

  it("treats prototype-like keys as ordinary unknown keys", () => {
    const input = JSON.parse(
      '{"strategy":"breakout","risk":{"maxDrawdown":0.1,"lookbackMs":1},"__proto__":1,"constructor":2,"toString":3}',
    );
    const { issues } = issuesOf(input);
    expect(issues.map((i) => i.path).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(issues[0]?.known).toContain("risk");
  });

  it("reports a non-object input and a non-schema argument clearly", () => {
    expect(issuesOf(42).issues[0]).toMatchObject({ path: "(root)", code: "invalid_type" });
    expect(() => parseConfig({} as never, {})).toThrow("zod 4 schema");
  });

  it("keeps zod strict-object keys reported once", () => {
    const strict = z.strictObject({ a: z.number() });
    let issues: ConfigIssue[] = [];
    try {
      parseConfig(strict, { a: 1, b: 2 }, { label: "test config" });
    } catch (e) {
      issues = (e as ConfigError).context.issues as ConfigIssue[];
      expect((e as Error).message).toContain("Invalid test config: 1 problem");
    }
    expect(issues.map((i) => i.path)).toEqual(["b"]);
  });

  it("writes one line per problem under a count, and hints the first fix", () => {
    const { error } = issuesOf({ ...VALID, zzz: 1, risk: { maxDrawdown: -1, lookbackMs: 1 } });
    expect(error.message).toBe(
      "Invalid config: 2 problems\n" +
        "  - zzz: unknown key\n" +
        "  - risk.maxDrawdown: expected a number >= 0, got -1",
    );
    expect(error.hint).toBe(
      "Remove `zzz`; keys allowed here: strategy, risk, entropy, legs, tags, extra",
    );
  });

  it("says `1 problem` for one", () => {
    const { error } = issuesOf({ ...VALID, strategy: "none" });
    expect(error.message).toBe(
      'Invalid config: 1 problem\n  - strategy: expected one of "ma_crossover" | "breakout", got "none"',
    );
    expect(error.hint).toBe('Set `strategy` to one of "ma_crossover" | "breakout"');
  });

  it("tells where a key belongs when it sits in the wrong place of a union", () => {
    const schema = z.object({
      mode: z.union([z.object({ fastMs: z.number() }), z.object({ slowMs: z.number() })]),
    });
    expect(() => parseConfig(schema, { mode: { fastMs: 1 }, slowMs: 2 })).toThrow(
      "slowMs: unknown key (`slowMs` belongs at `mode.slowMs`)",
    );
  });

  it("names what it got instead of a schema", () => {
    for (const [schema, received] of [
      [42, "42"],
      [null, "null"],
      [{ _zod: {} }, "an object"],
    ] as const) {
      const e = thrownConfigError(() => parseConfig(schema as never, {}));
      expect(e.message).toBe("parseConfig expects a zod 4 schema");
      expect(e.hint).toBe(
        'Pass a schema built with `import { z } from "zod"`, e.g. z.object({...})',
      );
      expect(e.context).toEqual({ received });
    }
  });
});
