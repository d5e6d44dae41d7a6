import { describe, expect, it } from "vitest";
import { convertWithin, toSafeJson } from "./safe-json";
import { createBudget } from "./budget";

// maxBytes 64 holds back a reserve of 16, leaving a budget of 48.
const SMALL = { maxBytes: 64 };

const named = (name: string) => Object.assign(new Error("m"), { name });

describe("toSafeJson value kinds", () => {
  it("converts each kind as documented", () => {
    expect(
      toSafeJson({
        neg: Number.NEGATIVE_INFINITY,
        invalid: new Date(Number.NaN),
        epoch: new Date(0),
        bytes: new Uint8Array(3),
        view: new DataView(new ArrayBuffer(4)),
        error: new RangeError("r"),
        keys: new Map<unknown, string>([
          [1, "a"],
          [true, "b"],
        ]),
        skipped: undefined,
        items: [undefined, null, false],
      }),
    ).toEqual({
      neg: "-Infinity",
      invalid: "Invalid Date",
      epoch: "1970-01-01T00:00:00.000Z",
      bytes: "[Uint8Array length=3]",
      view: "[DataView length=4]",
      error: { name: "RangeError", message: "r" },
      keys: { "1": "a", true: "b" },
      items: [null, null, false],
    });
  });

  it("names anonymous functions and functions whose name is not text", () => {
    const odd = Object.defineProperty(function f() {}, "name", { value: 5 });
    expect(toSafeJson([() => 1, odd])).toEqual(["[Function anonymous]", "[Function anonymous]"]);
  });

  it("marks an array that contains itself", () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(toSafeJson(list)).toEqual([1, "[Circular]"]);
  });
});

describe("toSafeJson depth", () => {
  it("keeps maxDepth levels and truncates below", () => {
    const value = { a: { b: { c: 1 } } };
    expect(toSafeJson(value, { maxDepth: 0 })).toBe("[Truncated]");
    expect(toSafeJson(value, { maxDepth: 1 })).toEqual({ a: "[Truncated]" });
    expect(toSafeJson(value, { maxDepth: 2 })).toEqual({ a: { b: "[Truncated]" } });
    expect(toSafeJson(value, { maxDepth: 3 })).toEqual(value);
  });
});

describe("toSafeJson size budget", () => {
  it("charges each one-character item until the budget is exactly spent", () => {
    // 48 - 2 for the brackets, then 2 per item ("1" and a comma): 23 items fit.
    const out = toSafeJson(Array(100).fill(1), SMALL) as unknown[];
    expect(out).toEqual([...Array(23).fill(1), "[Truncated: 77 more items]"]);
  });

  it("charges booleans, null and undefined", () => {
    expect(toSafeJson(Array(100).fill(true), SMALL)).toHaveLength(9);
    expect(toSafeJson(Array(100).fill(null), SMALL)).toHaveLength(11);
    expect(toSafeJson(Array(100).fill(undefined), SMALL)).toHaveLength(11);
  });

  it.each([
    ["numbers", 12345],
    ["texts", "text"],
    ["bigints", 1n],
    ["symbols", Symbol("s")],
    ["functions", () => 1],
    ["non-finite numbers", Number.NaN],
    ["dates", new Date(0)],
    ["empty arrays", []],
    ["empty objects", {}],
    ["byte arrays", new Uint8Array(1)],
    ["errors", new Error("e")],
  ])("charges %s", (_kind, value) => {
    const out = toSafeJson(Array(100).fill(value), SMALL) as unknown[];
    expect(out.length).toBeLessThan(30);
    expect(out.at(-1)).toMatch(/^\[Truncated: \d+ more items\]$/);
  });

  it("truncates a value whose turn comes after the budget is spent", () => {
    // The 46-character name costs 48 (with its quotes): nothing is left for the message.
    expect(toSafeJson(named("n".repeat(46)), SMALL)).toEqual({
      name: "n".repeat(46),
      message: "[Truncated]",
    });
    expect(toSafeJson(named("n".repeat(45)), SMALL)).toEqual({
      name: "n".repeat(45),
      message: "m",
    });
  });

  it("shares one budget across convertWithin calls", () => {
    const budget = createBudget(SMALL);
    convertWithin("x".repeat(46), budget);
    expect(budget.remaining).toBe(0);
    expect(convertWithin({ a: 1 }, budget)).toBe("[Truncated]");
  });
});
