import { afterEach, describe, expect, it } from "vitest";
import { configRefusal as refusal } from "../__fixtures__/refusal";
import { setGlobalSeed } from "./global-seed";
import { encodeSeed } from "./seed";

const HINT =
  "Pass a non-negative safe integer (0 ≤ n ≤ 2^53 - 1), a non-negative bigint, or a non-empty string";

describe("encodeSeed", () => {
  it("gives integers and strings their own canonical text", () => {
    expect(encodeSeed(0)).toBe("i:0");
    expect(encodeSeed(Number.MAX_SAFE_INTEGER)).toBe("i:9007199254740991");
    expect(encodeSeed(0n)).toBe("i:0");
    expect(encodeSeed(2n ** 64n)).toBe("i:18446744073709551616");
    expect(encodeSeed("42")).toBe("s:42");
  });

  it.each([
    [Number.NaN, "NaN is not a seed", "NaN"],
    [Number.NEGATIVE_INFINITY, "-Infinity is not a seed", "-Infinity"],
    [1.5, "1.5 is not an integer", "1.5"],
    [-1, "-1 is negative", "-1"],
    [
      2 ** 53,
      "9007199254740992 is above Number.MAX_SAFE_INTEGER; pass it as a bigint",
      "9007199254740992",
    ],
    [-1n, "-1n is negative", "-1n"],
    ["", "the empty string is not a seed", ""],
    ["a\ud800", "the string has a lone surrogate", "a\ud800"],
    [null, "expected a number, bigint or string, got null", "null"],
    [[1], "expected a number, bigint or string, got array", "1"],
  ])("refuses %s: %s", (seed, reason, shown) => {
    const error = refusal(() => encodeSeed(seed));
    expect(error.message).toBe(`Invalid seed: ${reason}`);
    expect(error.hint).toBe(HINT);
    expect(error.context).toEqual({ seed: shown });
  });

  it("names the option it checks", () => {
    const error = refusal(() => encodeSeed(-1, "runSeed"));
    expect(error.message).toBe("Invalid runSeed: -1 is negative");
    expect(error.context).toEqual({ runSeed: "-1" });
  });
});

describe("setGlobalSeed edge cases", () => {
  const original = Math.random;
  afterEach(() => {
    Math.random = original;
  });

  it("refuses null as a seed without patching Math.random", () => {
    expect(refusal(() => setGlobalSeed(null as never)).code).toBe("CONFIG");
    expect(Math.random).toBe(original);
  });

  it("leaves a later replacement of Math.random in place", () => {
    const restore = setGlobalSeed(1);
    const theirs = () => 0.5;
    Math.random = theirs;
    restore();
    expect(Math.random).toBe(theirs);
  });

  it("does nothing on a second restore, even if its generator is back in place", () => {
    const restore = setGlobalSeed(1);
    const seeded = Math.random;
    restore();
    Math.random = seeded;
    restore();
    expect(Math.random).toBe(seeded);
  });
});
