import { describe, expect, it } from "vitest";
import { StructureError } from "../flatbuffer-view";
import { snappyDecompress } from "./snappy-decompress";

const text = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const inflate = (stream: number[], expected: number): string =>
  Buffer.from(snappyDecompress(Uint8Array.from(stream), expected)).toString("latin1");
const fails = (stream: number[], expected: number, reason: string): void => {
  const run = () => snappyDecompress(Uint8Array.from(stream), expected);
  expect(run).toThrow(StructureError);
  expect(run).toThrow(reason);
};
/** A literal element of `bytes` with the length in `width` extra bytes (0: in the tag). */
const literal = (bytes: number[], width = 0): number[] => {
  const n = bytes.length - 1;
  if (width === 0) return [n << 2, ...bytes];
  const extra = Array.from({ length: width }, (_, k) => Math.floor(n / 256 ** k) % 256);
  return [(59 + width) << 2, ...extra, ...bytes];
};
const ABCD = literal(text("abcd"));

describe("snappyDecompress: elements", () => {
  it("reads literals with the length in the tag or in one to four extra bytes", () => {
    expect(inflate([5, ...literal(text("hello"))], 5)).toBe("hello");
    for (const width of [1, 2, 3, 4]) {
      expect(inflate([5, ...literal(text("hello"), width)], 5)).toBe("hello");
    }
    const long = Array.from({ length: 300 }, (_, i) => 97 + (i % 26));
    expect(inflate([0xac, 2, ...literal(long, 2)], 300)).toBe(String.fromCharCode(...long));
    expect(inflate([60, ...literal(long.slice(0, 60))], 60)).toHaveLength(60);
    expect(inflate([61, ...literal(long.slice(0, 61), 1)], 61)).toHaveLength(61);
  });

  it("reads copies with a 1-, 2- and 4-byte offset, overlapping ones included", () => {
    // 1-byte offset: length 4 to 11 in the tag, offset bits 8-10 in its top bits.
    expect(inflate([12, ...ABCD, 1 | (4 << 2), 4], 12)).toBe("abcdabcdabcd");
    expect(inflate([11, ...ABCD, 1 | (3 << 2), 1], 11)).toBe("abcdddddddd");
    const run = Array.from({ length: 300 }, (_, i) => 65 + (i % 7));
    const copied = inflate([0xb0, 2, ...literal(run, 2), 1 | (1 << 5), 44], 304);
    expect(copied.slice(300)).toBe(String.fromCharCode(...run.slice(0, 4)));
    // 2-byte offset, length 1 to 64.
    expect(inflate([0xec, 2, ...literal(run, 2), 2 | (63 << 2), 44, 1], 364).slice(300)).toBe(
      String.fromCharCode(...run.slice(0, 64)),
    );
    expect(inflate([5, ...ABCD, 2, 1, 0], 5)).toBe("abcdd");
    // 4-byte offset.
    expect(inflate([24, ...ABCD, 3 | (19 << 2), 4, 0, 0, 0], 24)).toBe("abcd".repeat(6));
  });

  it("copies a long run at offset 1, and a long copy that does not overlap", () => {
    expect(inflate([21, ...literal([120]), 2 | (19 << 2), 1, 0], 21)).toBe("x".repeat(21));
    const block = Array.from({ length: 20 }, (_, i) => 97 + i);
    const out = inflate([40, ...literal(block), 2 | (19 << 2), 20, 0], 40);
    expect(out).toBe(String.fromCharCode(...block).repeat(2));
  });
});

describe("snappyDecompress: damaged streams", () => {
  it("reads the declared length as a varint of at most five bytes", () => {
    expect(inflate([0x84, 0x80, 0x80, 0x80, 0x00, ...ABCD], 4)).toBe("abcd");
    fails([0x84, 0x80, 0x80, 0x80, 0x80, 0x00, ...ABCD], 4, "bad snappy length");
    fails([], 0, "bad snappy length");
    fails([0x80], 0, "bad snappy length");
    expect(inflate([0x80, 0x01, ...literal(Array(128).fill(65), 1)], 128)).toBe("A".repeat(128));
  });

  it("refuses a declared length other than the page's, and a stream short of it", () => {
    fails([4, ...ABCD], 5, "snappy length 4, the page says 5");
    fails([5, ...ABCD], 5, "snappy stream holds 4 bytes, not 5");
    expect(inflate([0], 0)).toBe("");
  });

  it("refuses a literal that runs past the input or the output, to the byte", () => {
    expect(inflate([4, ...ABCD], 4)).toBe("abcd");
    fails([4, ...ABCD.slice(0, -1)], 4, "snappy literal out of bounds");
    fails([3, ...ABCD], 3, "snappy literal out of bounds");
    fails([4, 60 << 2], 4, "snappy literal length ends early");
    fails([4, 61 << 2, 3], 4, "snappy literal length ends early");
    expect(inflate([4, 61 << 2, 3, 0, ...text("abcd")], 4)).toBe("abcd");
  });

  it("refuses a copy whose offset or length is cut off", () => {
    fails([8, ...ABCD, 1], 8, "snappy copy ends early");
    fails([8, ...ABCD, 2 | (3 << 2), 4], 8, "snappy copy ends early");
    fails([8, ...ABCD, 3 | (3 << 2), 4, 0, 0], 8, "snappy copy ends early");
    expect(inflate([8, ...ABCD, 3 | (3 << 2), 4, 0, 0, 0], 8)).toBe("abcdabcd");
  });

  it("refuses a copy from before the start, from offset 0, or past the output, to the byte", () => {
    expect(inflate([8, ...ABCD, 1, 4], 8)).toBe("abcdabcd");
    fails([8, ...ABCD, 1, 5], 8, "snappy copy out of bounds");
    fails([8, ...ABCD, 1, 0], 8, "snappy copy out of bounds");
    fails([7, ...ABCD, 1, 4], 7, "snappy copy out of bounds");
    // Every offset byte counts: 257, 65537 and 2^24 + 1 all point before the start.
    fails([8, ...ABCD, 2 | (3 << 2), 1, 1], 8, "snappy copy out of bounds");
    fails([8, ...ABCD, 3 | (3 << 2), 1, 0, 1, 0], 8, "snappy copy out of bounds");
    fails([8, ...ABCD, 3 | (3 << 2), 1, 0, 0, 1], 8, "snappy copy out of bounds");
    fails([8, ...ABCD, 1 | (1 << 5), 1], 8, "snappy copy out of bounds");
  });
});
