import { describe, expect, it } from "vitest";
import { closestMatches, editDistance } from "./edit-distance";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("retries", "retires")).toBe(1);
  });
});

describe("closestMatches", () => {
  const keys = ["maxDrawdown", "maxPosition", "lookbackMs", "seed", "strategy"];

  it("ranks close keys first and ignores case, underscores and hyphens", () => {
    expect(closestMatches("maxDrawdwn", keys)).toEqual(["maxDrawdown"]);
    expect(closestMatches("max_drawdown", keys)).toEqual(["maxDrawdown"]);
    expect(closestMatches("stratgey", keys)).toEqual(["strategy"]);
  });

  it("returns nothing when no key is close", () => {
    expect(closestMatches("colour", keys)).toEqual([]);
    expect(closestMatches("__proto__", keys)).toEqual([]);
  });

  it("caps the list and breaks ties by name", () => {
    expect(closestMatches("ab", ["ac", "aa", "ad", "ae"], 2)).toEqual(["aa", "ac"]);
  });
});
