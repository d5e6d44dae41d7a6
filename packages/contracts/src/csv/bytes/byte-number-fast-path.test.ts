import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as NumberText from "../text/number-text";
import { parseNumberText } from "../text/number-text";
import { numberScan, scanNumberBytes } from "./byte-number";
import { latin1 } from "./__fixtures__/latin1";

// parseNumberText, watched: the fast path promises that plain decimals make no string.
vi.mock("../text/number-text", async (importOriginal) => {
  const real = await importOriginal<typeof NumberText>();
  return { ...real, parseNumberText: vi.fn(real.parseNumberText) };
});
const slow = vi.mocked(parseNumberText);

const read = (line: string, start = 0, sep = 44) => {
  const value = scanNumberBytes(latin1(line), start, line.length, sep);
  return { value, ...numberScan };
};

describe("scanNumberBytes, which cells leave the fast path", () => {
  beforeEach(() => {
    slow.mockClear();
  });

  it("reads plain decimals of up to 15 digits, each digit and the separator, without text", () => {
    for (const cell of [
      "0",
      "9",
      "-5",
      "0123456789",
      "5.",
      ".5",
      "-.5",
      "1.5",
      "123456789012345",
    ]) {
      expect(read(`${cell},1`), cell).toEqual({ value: Number(cell), at: cell.length, ok: true });
    }
    expect(read("12345678.9012345;", 0, 59)).toEqual({ value: 12345678.9012345, at: 16, ok: true });
    expect(read("")).toEqual({ value: Number.NaN, at: 0, ok: true });
    expect(slow).not.toHaveBeenCalled();
  });

  it("hands 16 digits and other spellings to parseNumberText as the whole cell", () => {
    const cases: [string, number | undefined][] = [
      ["1234567890123456", 1234567890123456],
      ["0.000000000000001", 1e-15],
      ["1e5", 1e5],
      ["+5", 5],
      ["-inf", -Infinity],
      ["-", undefined],
      ["1..5", undefined],
    ];
    for (const [cell, value] of cases) {
      slow.mockClear();
      expect(read(`x;${cell};y`, 2, 59), cell).toEqual({
        value: value ?? Number.NaN,
        at: 2 + cell.length,
        ok: value !== undefined,
      });
      expect(slow.mock.calls, cell).toEqual([[cell]]);
    }
  });

  it("does not ask parseNumberText about bytes it must not judge", () => {
    for (const cell of ["1 ", '"1"', "1é", "\x7f"]) {
      expect(read(cell), cell).toEqual({ value: Number.NaN, at: cell.length, ok: false });
    }
    expect(slow).not.toHaveBeenCalled();
  });
});
