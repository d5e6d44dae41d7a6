import { describe, expect, it } from "vitest";
import { elements, noise } from "./__fixtures__/snappy-elements";
import { maxCompressedLength, snappyCompress } from "./snappy-compress";
import { snappyDecompress } from "./snappy-decompress";

const join = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const lit = (length: number, width = 0) => ({ kind: "literal", length, width });
const copy = (offset: number, length: number) => ({
  kind: "copy",
  form: length < 12 && offset < 2048 ? 1 : 2,
  offset,
  length,
});
const parts = (input: Uint8Array) => {
  const stream = snappyCompress(input);
  expect(Buffer.from(snappyDecompress(stream, input.length)).equals(input)).toBe(true);
  expect(stream.length).toBeLessThanOrEqual(maxCompressedLength(input.length));
  return elements(stream);
};

describe("snappyCompress: literals", () => {
  it("writes data without repeats as one literal per 64 KiB block, its length sized to fit", () => {
    expect(Array.from(snappyCompress(new Uint8Array(0)))).toEqual([0]);
    const widths: [number, number][] = [
      [1, 0],
      [60, 0],
      [61, 1],
      [256, 1],
      [257, 2],
      [65_536, 2],
    ];
    for (const [n, width] of widths) {
      expect(parts(noise(n)), `${n}`).toEqual({ length: n, elements: [lit(n, width)] });
    }
    const blocks = parts(noise(2 * 65_536 + 5));
    expect(blocks.elements).toEqual([lit(65_536, 2), lit(65_536, 2), lit(5)]);
    expect(snappyCompress(noise(70_000)).length).toBe(3 + 3 + 65_536 + 3 + 4_464);
  });

  // The search stops 15 bytes before the end (the reference's input margin), but a match it
  // finds runs on to the last byte.
  it("looks for repeats only in inputs of more than 16 bytes", () => {
    expect(parts(new Uint8Array(16)).elements).toEqual([lit(16)]);
    expect(parts(new Uint8Array(17)).elements).toEqual([lit(1), copy(1, 16)]);
    expect(parts(new Uint8Array(40)).elements).toEqual([lit(1), copy(1, 39)]);
  });
});

describe("snappyCompress: copies", () => {
  it("copies a repeat of 4 to 11 bytes at a near offset in 2 bytes, longer ones in 3", () => {
    for (const n of [4, 8, 11, 12, 20, 32]) {
      const x = noise(n, n);
      const tail = noise(24, 99);
      expect(parts(join(x, x, tail)).elements, `${n}`).toEqual([lit(n), copy(n, n), lit(24)]);
    }
  });

  it("copies from 2048 bytes back or more with a 2-byte offset", () => {
    const head = noise(8, 7);
    const input = join(head, new Uint8Array(2_100), head, noise(24, 5));
    expect(parts(input).elements).toEqual([
      lit(9),
      ...Array(32).fill(copy(1, 64)),
      copy(1, 51),
      copy(2_108, 8),
      lit(24),
    ]);
  });

  it("splits long copies into 64-byte pieces, never leaving a piece under 4 bytes", () => {
    const pattern = noise(8, 3);
    const cases: [number, number[]][] = [
      [64, [64]],
      [65, [60, 5]],
      [67, [60, 7]],
      [68, [64, 4]],
      [131, [64, 60, 7]],
      [200, [64, 64, 64, 8]],
    ];
    for (const [length, pieces] of cases) {
      const periodic = Uint8Array.from({ length: 8 + length }, (_, i) => pattern[i % 8]!);
      expect(parts(join(periodic, noise(24, 11))).elements, `${length}`).toEqual([
        lit(8),
        ...pieces.map((p) => copy(8, p)),
        lit(24),
      ]);
    }
  });

  it("keeps every copy inside its 64 KiB block", () => {
    const x = noise(40_000, 21);
    // By byte 40,000 the search skips ahead (no repeat found yet) and meets the repeat at 40,001.
    // The copy ends at the block's end; the second block (from 65,536) cannot see its source.
    expect(parts(join(x, x)).elements).toEqual([
      lit(40_001, 2),
      ...Array(398).fill(copy(40_000, 64)),
      copy(40_000, 63),
      lit(80_000 - 65_536, 2),
    ]);
  });
});
