import { describe, expect, it } from "vitest";
import { compareCodePoints, pythonFloatRepr, pythonQuote } from "./python-float";

describe("pythonFloatRepr", () => {
  // Checked against CPython 3.11 repr().
  it.each([
    [1, "1.0"],
    [1.5, "1.5"],
    [1e15, "1000000000000000.0"],
    [1e16, "1e+16"],
    [123456789012345.6, "123456789012345.6"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1e100, "1e+100"],
    [-1.25e-300, "-1.25e-300"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [-0, "-0.0"],
    [-Infinity, "-Infinity"],
  ])("prints %s as %s", (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected);
  });
});

describe("pythonQuote", () => {
  it("escapes like json.dumps with ensure_ascii", () => {
    expect(pythonQuote('a"\\\n\u0001\u007fé')).toBe('"a\\"\\\\\\n\\u0001\\u007f\\u00e9"');
  });
});

describe("compareCodePoints", () => {
  it("puts an astral character after U+FB33, unlike UTF-16 order", () => {
    expect(["\ud83d\ude00", "\ufb33"].sort(compareCodePoints)).toEqual(["\ufb33", "\ud83d\ude00"]);
  });
});
