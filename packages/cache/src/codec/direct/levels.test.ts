import { describe, expect, it } from "vitest";
import { allDefinedLevels } from "./levels";

/** A v1 page's definition levels: the 4-byte little-endian length, then `runs`, then `after`. */
const page = (runs: number[], after: number[] = [], length = runs.length): Uint8Array =>
  Uint8Array.from([
    length & 255,
    (length >>> 8) & 255,
    (length >>> 16) & 255,
    length >>> 24,
    ...runs,
    ...after,
  ]);
const rle = (count: number, value = 1): number[] => [count << 1, value];

describe("allDefinedLevels", () => {
  it("returns where the values start, after the length the levels declare", () => {
    expect(allDefinedLevels(page(rle(10), [9, 9]), 10)).toBe(6);
    expect(allDefinedLevels(page([...rle(10), 0], [9]), 10)).toBe(7);
    expect(allDefinedLevels(page([]), 0)).toBe(4);
    expect(allDefinedLevels(page(rle(16)), 10)).toBe(6);
    expect(allDefinedLevels(page([...rle(4), ...rle(6)]), 10)).toBe(8);
  });

  it("reads run headers as varints of up to five bytes", () => {
    expect(allDefinedLevels(page([0xc8, 0x01, 1]), 100)).toBe(7);
    expect(allDefinedLevels(page([0x94, 0x80, 0x80, 0x80, 0x00, 1]), 10)).toBe(10);
    expect(allDefinedLevels(page([0x94, 0x80, 0x80, 0x80, 0x80, 0x00, 1]), 10)).toBe(-1);
    expect(allDefinedLevels(page([0x94, 0x80]), 10)).toBe(-1);
  });

  it("accepts bit-packed runs whose bits are all set for the values the page holds", () => {
    expect(allDefinedLevels(page([(1 << 1) | 1, 0xff]), 8)).toBe(6);
    expect(allDefinedLevels(page([(1 << 1) | 1, 0x1f]), 5)).toBe(6);
    expect(allDefinedLevels(page([(1 << 1) | 1, 0x1f]), 6)).toBe(-1);
    expect(allDefinedLevels(page([(2 << 1) | 1, 0xff, 0x7f]), 15)).toBe(7);
    expect(allDefinedLevels(page([(2 << 1) | 1, 0xff, 0x7f]), 16)).toBe(-1);
    expect(allDefinedLevels(page([(1 << 1) | 1, 0xfe]), 1)).toBe(-1);
    expect(allDefinedLevels(page([(1 << 1) | 1, 0xff, ...rle(2)]), 10)).toBe(8);
  });

  it("gives -1 for a null, an empty run, or levels that run past their length", () => {
    expect(allDefinedLevels(page(rle(10, 0)), 10)).toBe(-1);
    expect(allDefinedLevels(page(rle(0)), 10)).toBe(-1);
    expect(allDefinedLevels(page([1, 0xff]), 8)).toBe(-1);
    expect(allDefinedLevels(page(rle(4)), 10)).toBe(-1);
    expect(allDefinedLevels(page([20]), 10)).toBe(-1);
    expect(allDefinedLevels(page([(2 << 1) | 1, 0xff], [0xff]), 16)).toBe(-1);
    expect(allDefinedLevels(page(rle(10), [], 3), 10)).toBe(-1);
  });

  it("gives -1 for a page too short for its length, reading all four length bytes", () => {
    expect(allDefinedLevels(Uint8Array.of(0, 0, 0), 0)).toBe(-1);
    expect(allDefinedLevels(Uint8Array.of(0, 0, 0, 0), 0)).toBe(4);
    for (const at of [0, 1, 2, 3]) {
      const prefix = [0, 0, 0, 0];
      prefix[at] = 1;
      expect(allDefinedLevels(Uint8Array.from([...prefix, 7]), 0), `byte ${at}`).toBe(
        at === 0 ? 5 : -1,
      );
    }
  });
});
