import { describe, expect, it } from "vitest";
import { parseNumberText } from "../text/number-text";
import { asciiText, byteText, numberScan, scanNumberBytes } from "./byte-number";
import { latin1 } from "./__fixtures__/latin1";

// Number cells around every rule of the fast path and of parseNumberText: signs, leading
// zeros, bare points, exponents, specials, 15 and 16+ digits, and bytes only text can judge.
const CELLS = [
  ...["", "0", "9", "-0", "5", "-5", "+5", "007", "00012", "-00012", "1.5", "-12.75", "0.1"],
  ...[".5", "-.5", "5.", "-5.", ".", "-", "-.", "+", "1..5", "5..", "1.2.3", "--1", "-1-", "1-2"],
  ...["1e5", "1E5", "1e+2", "1e-2", "-1e-2", "1e", "e5", "1e5.5", ".5e1", "0x10", "abc", "1/2"],
  ...["NaN", "nan", "inf", "-inf", "+Infinity", "-Infinity", "infinity", "inf1", "1:2", "9~"],
  ...["123456789012345", "1234567890123456", "999999999999999", "9999999999999999"],
  ...["12345678901234567890", "9007199254740993", "1.23456789012345", "1.234567890123456"],
  ...["0.000000000000001", "0.0000000000000001", "0.1234567890123456789", "-123456789.0123456"],
  ...["2.675", "1.005", "-99999.99", "5.0000", "1234567890.12345", "00000000000000001"],
  ...[" 1", "1 ", "1 2", '"1"', "1\t", "\t7", "é", "1é", "\x7f1", "1\x7f", "\x00", "!", "~"],
];

// What the text reader makes of a cell: its number, and whether the byte reader may keep it
// (false when it is no number, or has a byte outside printable ASCII or a quote).
const expected = (cell: string) => {
  if (/[^\x21-\x7e]|"/.test(cell)) return { value: Number.NaN, ok: false };
  const n = parseNumberText(cell);
  return { value: n ?? Number.NaN, ok: n !== undefined };
};

// Scans the cell at `start` of `line` up to `end`, starting from a scan state it must overwrite.
const scan = (line: string, start: number, end: number, sep: number) => {
  const before = { at: -7, ok: false };
  Object.assign(numberScan, before);
  const value = scanNumberBytes(latin1(line), start, end, sep);
  const first = { value, ...numberScan };
  Object.assign(numberScan, { at: -7, ok: true });
  scanNumberBytes(latin1(line), start, end, sep);
  return { first, okAfterOk: numberScan.ok };
};

describe("scanNumberBytes ≡ the text reader", () => {
  it("reads a cell that ends the line as parseNumberText does", () => {
    for (const cell of CELLS) {
      const want = expected(cell);
      const got = scan(cell, 0, cell.length, 44);
      expect(got.first, cell).toEqual({ ...want, at: cell.length });
      expect(Object.is(got.first.value, want.value), cell).toBe(true);
      expect(got.okAfterOk, cell).toBe(want.ok);
    }
  });

  it("stops at the separator after a cell inside a line and reports where", () => {
    for (const cell of CELLS) {
      for (const [sep, rest] of [
        [";", "1;2"],
        [",", "9"],
        [",", ",-"],
      ] as const) {
        const line = `7${sep}${cell}${sep}${rest}`;
        const want = expected(cell);
        const got = scan(line, 2, line.length, sep.charCodeAt(0));
        expect(got.first, cell).toEqual({ ...want, at: 2 + cell.length });
        expect(Object.is(got.first.value, want.value), cell).toBe(true);
        expect(got.okAfterOk, cell).toBe(want.ok);
      }
    }
  });

  it("reads nothing past `end`, whatever follows it", () => {
    for (const cell of CELLS) {
      for (const after of ["9", ".5", "e5", "-", " ", ","]) {
        const line = `${cell}${after}`;
        const want = expected(cell);
        const got = scan(line, 0, cell.length, 59);
        expect(got.first, `${cell}|${after}`).toEqual({ ...want, at: cell.length });
        expect(Object.is(got.first.value, want.value), cell).toBe(true);
      }
    }
  });

  it("gives exact decimals, negative zero and an empty cell as NaN that is still ok", () => {
    expect(scanNumberBytes(latin1("0.1"), 0, 3, 44)).toBe(0.1);
    expect(scanNumberBytes(latin1("-12.75"), 0, 6, 44)).toBe(-12.75);
    expect(scanNumberBytes(latin1("123456789012345"), 0, 15, 44)).toBe(123456789012345);
    expect(Object.is(scanNumberBytes(latin1("-0"), 0, 2, 44), -0)).toBe(true);
    expect(scanNumberBytes(latin1("1,"), 2, 2, 44)).toBeNaN();
    expect(numberScan).toEqual({ at: 2, ok: true });
    expect(scanNumberBytes(latin1(",5"), 0, 2, 44)).toBeNaN();
    expect(numberScan).toEqual({ at: 0, ok: true });
    expect(scanNumberBytes(latin1("-"), 0, 1, 44)).toBeNaN();
    expect(numberScan).toEqual({ at: 1, ok: false });
  });
});

describe("byteText and asciiText", () => {
  it("byteText gives one character per byte of exactly the range", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(byteText(all, 0, 256)).toBe(String.fromCharCode(...all));
    expect(byteText(latin1("abcd"), 1, 3)).toBe("bc");
    expect(byteText(latin1("abcd"), 2, 2)).toBe("");
  });

  it("asciiText takes printable ASCII but a quote, within the range only", () => {
    expect(asciiText(latin1("!#~a1"), 0, 5)).toBe("!#~a1");
    expect(asciiText(latin1(" ab "), 1, 3)).toBe("ab");
    expect(asciiText(latin1("ab"), 1, 1)).toBe("");
    for (const bad of [" ", '"', "\x7f", "\x80", "\xff", "\x00", "\t", "\x1f"]) {
      expect(asciiText(latin1(`a${bad}b`), 0, 3), JSON.stringify(bad)).toBeUndefined();
      expect(asciiText(latin1(`${bad}b`), 0, 2), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
