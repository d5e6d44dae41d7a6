import { describe, expect, it } from "vitest";
import { fieldEnd, parseDecimalSlice, parseNumberText, scanDecimalField } from "./number-text";

describe("parseNumberText", () => {
  it("accepts decimals, exponents, NaN and infinities", () => {
    expect(parseNumberText(" 103.0 ")).toBe(103);
    expect(parseNumberText("-1.5e3")).toBe(-1500);
    expect(parseNumberText(".5")).toBe(0.5);
    expect(parseNumberText("nan")).toBeNaN();
    expect(parseNumberText("")).toBeNaN();
    expect(parseNumberText("-Infinity")).toBe(-Infinity);
    expect(parseNumberText("inf")).toBe(Infinity);
  });

  it("rejects text that is not a number", () => {
    for (const bad of ["abc", "0x10", "1,5", "1.2.3", "constructor", "toString"]) {
      expect(parseNumberText(bad), bad).toBeUndefined();
    }
  });
});

describe("parseDecimalSlice", () => {
  it("matches Number() on plain decimals", () => {
    for (const s of ["0", "1", "-2.5", "123456.789", "0.1", "99999999999.9999", "5.", ".25"]) {
      expect(parseDecimalSlice(`,${s},`, 1, s.length + 1), s).toBe(Number(s));
    }
  });

  it("declines what it cannot read exactly", () => {
    for (const s of ["1e5", "1234567890123456", "", "-", ".", "1.2.3", "abc"]) {
      expect(parseDecimalSlice(s, 0, s.length), s).toBeUndefined();
    }
  });
});

describe("scanDecimalField", () => {
  it("stops at the separator and says where", () => {
    expect(scanDecimalField("12.5,7", 0, 6, 44)).toBe(12.5);
    expect(fieldEnd.at).toBe(4);
    expect(scanDecimalField("12.5,7", 5, 6, 44)).toBe(7);
    expect(fieldEnd.at).toBe(6);
    expect(scanDecimalField(",7", 0, 2, 44)).toBeUndefined();
  });
});
