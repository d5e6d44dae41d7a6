import { describe, expect, it } from "vitest";
import { stableStringify } from "./stable-stringify";

const rejects = (value: number): boolean => {
  try {
    stableStringify(value);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "CONFIG";
  }
};

describe("stableStringify against the RFC 8785 test vectors", () => {
  // RFC 8785 §3.2.2.3 and Appendix B number examples.
  it.each([
    [1e30, "1e+30"],
    [4.5, "4.5"],
    [0.002, "0.002"],
    [1e-27, "1e-27"],
    [-0, "0"],
    [0, "0"],
    [333333333.3333333, "333333333.3333333"],
    [1e21, "1e+21"],
    [1e-7, "1e-7"],
    [1e16, "10000000000000000"],
    [9007199254740991, "9007199254740991"],
    [-1.7976931348623157e308, "-1.7976931348623157e+308"],
    [5e-324, "5e-324"],
    [295147905179352830000, "295147905179352830000"],
  ])("prints %s as %s", (value, expected) => {
    expect(stableStringify(value)).toBe(expected);
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their JCS text.
  it.each([
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ])("prints the IEEE 754 value %s as %s", (hex, expected) => {
    expect(stableStringify(Buffer.from(hex, "hex").readDoubleBE(0))).toBe(expected);
  });

  it.each(["7fffffffffffffff", "7ff0000000000000"])("rejects the IEEE 754 value %s", (hex) => {
    expect(rejects(Buffer.from(hex, "hex").readDoubleBE(0))).toBe(true);
  });

  it("reproduces the RFC 8785 §3.2.2.2 sample", () => {
    const input = {
      numbers: [333333333.3333333, 1e30, 4.5, 2e-3, 1e-27],
      string: '€$\u000f\nA\'B"\\\\"/',
      literals: [null, true, false],
    };
    expect(stableStringify(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units as in RFC 8785 §3.2.3", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(stableStringify(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });
});
