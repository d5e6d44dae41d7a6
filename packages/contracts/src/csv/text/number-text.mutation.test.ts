import { describe, expect, it } from "vitest";
import { fieldEnd, parseDecimalSlice, parseNumberText, scanDecimalField } from "./number-text";

describe("parseNumberText, every spelling", () => {
  it("reads each NaN and infinity spelling in any case", () => {
    const cases: [string, number][] = [
      ["NaN", Number.NaN],
      ["INF", Infinity],
      ["+inf", Infinity],
      ["-Inf", -Infinity],
      ["infinity", Infinity],
      ["+Infinity", Infinity],
      ["-INFINITY", -Infinity],
    ];
    for (const [text, value] of cases) expect(parseNumberText(text), text).toBe(value);
  });

  it("reads signs, exponents and bare points like to_numeric", () => {
    const cases: [string, number][] = [
      ["+5", 5],
      ["-5", -5],
      ["12", 12],
      ["5.", 5],
      ["-.5", -0.5],
      ["1E5", 1e5],
      ["1e+2", 100],
      ["1e-2", 0.01],
      ["\t7\n", 7],
    ];
    for (const [text, value] of cases) expect(parseNumberText(text), text).toBe(value);
  });

  it("rejects partial numbers and numbers inside other text", () => {
    for (const bad of [
      "1e",
      "e5",
      "+",
      "-",
      ".",
      "1e5.5",
      "1 2",
      "x1",
      "1x",
      "++1",
      "1e2e3",
      "inf1",
    ]) {
      expect(parseNumberText(bad), bad).toBeUndefined();
    }
  });
});

describe("scanDecimalField, digit by digit", () => {
  it("reads every digit, the sign and the fraction exactly", () => {
    expect(parseDecimalSlice("0123456789", 0, 10)).toBe(123456789);
    expect(parseDecimalSlice("9", 0, 1)).toBe(9);
    expect(parseDecimalSlice("123456789012345", 0, 15)).toBe(123456789012345);
    expect(parseDecimalSlice("1.23456789012345", 0, 16)).toBe(1.23456789012345);
    expect(Object.is(parseDecimalSlice("-0", 0, 2), -0)).toBe(true);
    expect(parseDecimalSlice("-12.75", 0, 6)).toBe(-12.75);
    expect(parseDecimalSlice("x-3.5x", 1, 5)).toBe(-3.5);
  });

  it("declines characters next to the digits and a sign that is not first", () => {
    for (const s of ["1/2", "1:2", "1-2", "+1", "1 ", " 1", "1e"]) {
      expect(parseDecimalSlice(s, 0, s.length), s).toBeUndefined();
    }
  });

  it("stops at the separator only and reports where", () => {
    expect(scanDecimalField("1.5;2", 0, 5, 59)).toBe(1.5);
    expect(fieldEnd.at).toBe(3);
    expect(scanDecimalField("15", 0, 2, 59)).toBe(15);
    expect(fieldEnd.at).toBe(2);
    expect(scanDecimalField("1;5", 0, 3, 44)).toBeUndefined();
    expect(scanDecimalField("12345", 1, 3, 44)).toBe(23);
    expect(fieldEnd.at).toBe(3);
  });
});
