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
});
