import { describe, expect, it } from "vitest";
import { chargeText, createBudget } from "./budget";
import { copyContext } from "./copy-context";
import { describeThrown, safeString, unreadable } from "./unreadable";

describe("createBudget", () => {
  it("holds back a quarter of maxBytes, at most 1024, and defaults to 64 KiB and depth 10", () => {
    expect(createBudget()).toEqual({ remaining: 65_536 - 1024, maxDepth: 10 });
    expect(createBudget({ maxBytes: 4000, maxDepth: 0 })).toEqual({ remaining: 3000, maxDepth: 0 });
    expect(createBudget({ maxBytes: 4096, maxDepth: 1000 })).toEqual({
      remaining: 3072,
      maxDepth: 1000,
    });
    expect(createBudget({ maxBytes: 8192 }).remaining).toBe(8192 - 1024);
    expect(createBudget({ maxBytes: 64 }).remaining).toBe(48);
  });

  it.each([[63], [64.5], [Number.NaN], [2 ** 53]])(
    "falls back to 64 KiB for maxBytes %s",
    (maxBytes) => {
      expect(createBudget({ maxBytes }).remaining).toBe(65_536 - 1024);
    },
  );

  it.each([[-1], [1001], [2.5]])("falls back to depth 10 for maxDepth %s", (maxDepth) => {
    expect(createBudget({ maxDepth }).maxDepth).toBe(10);
  });
});

describe("chargeText", () => {
  it("charges the JSON text of a string that fits", () => {
    const budget = { remaining: 10, maxDepth: 10 };
    expect(chargeText("abcdefgh", budget)).toBe("abcdefgh");
    expect(budget.remaining).toBe(0);
  });

  it("fills the budget when it cuts plain text", () => {
    const budget = { remaining: 48, maxDepth: 10 };
    expect(chargeText("x".repeat(100), budget)).toBe(`${"x".repeat(48)}…[Truncated]`);
    expect(budget.remaining).toBe(48 - 62);
  });

  it("does not split a surrogate pair when it cuts", () => {
    const budget = { remaining: 48, maxDepth: 10 };
    expect(chargeText(`a${"😀".repeat(30)}`, budget)).toBe(`a${"😀".repeat(23)}…[Truncated]`);
    expect(budget.remaining).toBe(48 - 61);
    const odd = { remaining: 49, maxDepth: 10 };
    expect(chargeText(`a${"😀".repeat(30)}`, odd)).toBe(`a${"😀".repeat(24)}…[Truncated]`);
  });

  it("cuts text with escapes to a sixth of the budget", () => {
    const budget = { remaining: 48, maxDepth: 10 };
    expect(chargeText("\u0001".repeat(100), budget)).toBe(`${"\u0001".repeat(8)}…[Truncated]`);
    expect(budget.remaining).toBe(48 - 62);
  });
});

describe("unreadable placeholders", () => {
  it("describes thrown values by name and message", () => {
    expect(describeThrown(new Error("plain"))).toBe("plain");
    expect(describeThrown(new TypeError("typed"))).toBe("TypeError: typed");
    expect(describeThrown(Object.assign(new Error("odd"), { name: 7 }))).toBe("odd");
    expect(describeThrown("text")).toBe("text");
    expect(describeThrown(42)).toBe("42");
    expect(describeThrown(Object.create(null))).toBe("the thrown value could not be read either");
  });

  it("escapes the reason and cuts it at 200 characters", () => {
    expect(unreadable("a\u001bb")).toBe("[unreadable: a\\u001bb]");
    expect(unreadable("x".repeat(200))).toBe(`[unreadable: ${"x".repeat(200)}]`);
    expect(unreadable("x".repeat(201))).toBe(`[unreadable: ${"x".repeat(200)}…]`);
  });

  it("turns a value into text without throwing", () => {
    expect(safeString("s")).toBe("s");
    expect(safeString(12)).toBe("12");
    expect(safeString(Object.create(null))).toMatch(/^\[unreadable: /);
  });
});

describe("copyContext", () => {
  it("copies own enumerable string and symbol keys only", () => {
    const key = Symbol("k");
    const source = Object.defineProperty({ a: 1, [key]: 2 }, "hidden", {
      value: 3,
      enumerable: false,
    });
    const copy = copyContext(source);
    expect(copy).toEqual({ a: 1, [key]: 2 });
    expect(Object.keys(copy)).toEqual(["a"]);
  });

  it("gives an empty object for null and undefined and spreads a string", () => {
    expect(copyContext(null)).toEqual({});
    expect(copyContext(undefined)).toEqual({});
    expect(copyContext("ab")).toEqual({ 0: "a", 1: "b" });
  });

  it("keeps a key whose descriptor cannot be read as a placeholder", () => {
    const proxy = new Proxy(
      { a: 1 },
      {
        getOwnPropertyDescriptor: () => {
          throw new Error("no descriptor");
        },
      },
    );
    expect(copyContext(proxy)).toEqual({ a: "[unreadable: no descriptor]" });
  });
});
