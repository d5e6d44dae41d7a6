import { describe, expect, it } from "vitest";
import { isConfigError } from "../config-error";
import { closestMatches, didYouMean, editDistance } from "./did-you-mean";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("retries", "retires")).toBe(1);
  });

  it("counts a swap only when both characters trade places", () => {
    expect(editDistance("ab", "ca")).toBe(2);
    expect(editDistance("ba", "ac")).toBe(2);
    expect(editDistance("abcd", "acbd")).toBe(1);
  });
});

describe("closestMatches", () => {
  const keys = ["maxDrawdown", "maxPosition", "lookbackMs", "seed", "strategy"];

  it("ranks close keys first and ignores case, underscores and hyphens", () => {
    expect(closestMatches("maxDrawdwn", keys)).toEqual(["maxDrawdown"]);
    expect(closestMatches("max_drawdown", keys)).toEqual(["maxDrawdown"]);
    expect(closestMatches("stratgey", keys)).toEqual(["strategy"]);
  });

  it("allows a third of the input's length in edits for long names, one for short ones", () => {
    expect(closestMatches("abcdefghij", ["abcdefgxyz", "abcdefwxyz"])).toEqual(["abcdefgxyz"]);
    expect(closestMatches("recovryTimeotMs", ["recoveryTimeoutMs"])).toEqual(["recoveryTimeoutMs"]);
    expect(closestMatches("ab", ["ba", "xy"])).toEqual(["ba"]);
  });

  it("ranks by distance before name", () => {
    expect(closestMatches("abcdef", ["abcdaa", "abcdez"])).toEqual(["abcdez", "abcdaa"]);
  });

  it("compares in lower case, so ß and ss stay two edits apart", () => {
    expect(closestMatches("ß", ["ss"])).toEqual([]);
  });

  it("never suggests the input itself", () => {
    expect(closestMatches("seed", ["seed", "seeds"])).toEqual(["seeds"]);
  });

  it("returns nothing when no key is close", () => {
    expect(closestMatches("colour", keys)).toEqual([]);
    expect(closestMatches("__proto__", keys)).toEqual([]);
  });

  it("caps the list at `max` (3 by default) and breaks ties by name", () => {
    expect(closestMatches("ab", ["ac", "aa", "ad", "ae"], { max: 2 })).toEqual(["aa", "ac"]);
    expect(closestMatches("ab", ["ac", "aa", "ad", "ae"], 2)).toEqual(["aa", "ac"]);
    expect(closestMatches("ab", ["ae", "ad", "ac", "aa"])).toEqual(["aa", "ac", "ad"]);
    expect(closestMatches("ab", ["ac"], { max: 0 })).toEqual([]);
  });

  it("rejects a `max` that is not a non-negative integer with a ConfigError", () => {
    for (const max of [-1, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        closestMatches("ab", ["ac"], { max });
      } catch (error) {
        caught = error;
      }
      expect(isConfigError(caught)).toBe(true);
      expect((caught as Error).message).toBe(
        `Expected \`max\` to be a non-negative integer, got ${String(max)}`,
      );
      expect(caught).toMatchObject({
        hint: "Pass a whole number such as { max: 1 } for the single best match",
        context: { option: "max", received: String(max) },
      });
    }
  });
});

describe("didYouMean", () => {
  const options = ["failureThreshold", "recoveryTimeoutMs", "successThreshold"];

  it("names the single closest candidate", () => {
    expect(didYouMean("failureTreshold", options)).toBe("Did you mean `failureThreshold`?");
    expect(didYouMean("recovery_timeout_ms", options)).toBe("Did you mean `recoveryTimeoutMs`?");
  });

  it("is undefined when nothing is close", () => {
    expect(didYouMean("colour", options)).toBeUndefined();
    expect(didYouMean("anything", [])).toBeUndefined();
  });
});
