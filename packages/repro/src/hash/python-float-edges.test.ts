import { describe, expect, it } from "vitest";
import { compareCodePoints, pythonFloatRepr, pythonQuote } from "./python-float";

describe("pythonFloatRepr and pythonQuote edges", () => {
  it("prints zero as 0.0 and -0 as -0.0", () => {
    expect(pythonFloatRepr(0)).toBe("0.0");
    expect(pythonFloatRepr(-0)).toBe("-0.0");
  });

  it("keeps printable ASCII up to ~ and escapes DEL", () => {
    expect(pythonQuote(" ~\x7f")).toBe('" ~\\u007f"');
  });

  it("uses the short escapes for CR, tab, backspace and form feed", () => {
    expect(pythonQuote("\r\t\b\f")).toBe('"\\r\\t\\b\\f"');
  });
});

describe("compareCodePoints", () => {
  it("puts a prefix first, and equal strings level", () => {
    expect(compareCodePoints("a", "ab")).toBeLessThan(0);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("ab", "ab")).toBe(0);
    expect(["abc", "ab", "a", ""].sort(compareCodePoints)).toEqual(["", "a", "ab", "abc"]);
  });
});
