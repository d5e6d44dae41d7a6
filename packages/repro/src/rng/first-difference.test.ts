import { describe, expect, it } from "vitest";
import { firstDifference } from "./first-difference";

describe("firstDifference", () => {
  it("returns undefined for equal JSON values, treating -0 as 0", () => {
    expect(firstDifference({ a: [1, { b: -0 }] }, { a: [1, { b: 0 }] })).toBeUndefined();
  });

  it("names the first differing path in sorted key order", () => {
    expect(firstDifference({ z: 1, a: { b: [1, 2] } }, { z: 2, a: { b: [1, 3] } })).toEqual({
      path: "$.a.b[1]",
      expected: 2,
      actual: 3,
    });
  });

  it("reports missing keys, extra items and type changes", () => {
    expect(firstDifference({ a: 1 }, {})).toEqual({ path: "$.a", expected: 1, actual: undefined });
    expect(firstDifference([1], [1, 2])).toEqual({ path: "$[1]", expected: undefined, actual: 2 });
    expect(firstDifference({ a: [] }, { a: {} })).toEqual({
      path: "$.a",
      expected: [],
      actual: {},
    });
  });

  it("reports a number against an object, and null against an object, either way round", () => {
    const cases: [unknown, unknown][] = [
      [1, {}],
      [{}, 1],
      [null, {}],
      [{}, null],
      ["[]", []],
    ];
    for (const [a, b] of cases) {
      expect(firstDifference(a, b)).toEqual({ path: "$", expected: a, actual: b });
    }
  });

  it("reports an item only one array has, even when it reads undefined", () => {
    expect(firstDifference([1, undefined], [1])).toEqual({
      path: "$[1]",
      expected: undefined,
      actual: undefined,
    });
    expect(firstDifference([1], [1, undefined])).toEqual({
      path: "$[1]",
      expected: undefined,
      actual: undefined,
    });
    expect(firstDifference([[1, 2]], [[1, 2], 3])).toEqual({
      path: "$[1]",
      expected: undefined,
      actual: 3,
    });
  });

  it("gives undefined for a key absent on one side, never an inherited value", () => {
    expect(firstDifference({}, { toString: 1 })).toEqual({
      path: "$.toString",
      expected: undefined,
      actual: 1,
    });
    expect(firstDifference({ constructor: 1 }, {})).toEqual({
      path: "$.constructor",
      expected: 1,
      actual: undefined,
    });
    const own = JSON.parse('{"__proto__":{}}') as unknown;
    expect(firstDifference({}, own)).toEqual({
      path: "$.__proto__",
      expected: undefined,
      actual: {},
    });
  });

  it("compares zero with zero, and zero with other values", () => {
    expect(firstDifference(0, -0)).toBeUndefined();
    expect(firstDifference([0], [false])).toEqual({ path: "$[0]", expected: 0, actual: false });
    expect(firstDifference(1, 0)).toEqual({ path: "$", expected: 1, actual: 0 });
  });
});
