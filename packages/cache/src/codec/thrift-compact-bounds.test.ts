// The compact-protocol reader's bounds checks, each at its exact edge: the region, varint length,
// the safe-integer range, lengths and element counts, nesting depth and unknown types.
import { describe, expect, it } from "vitest";
import { fails, read, zigzag } from "./__fixtures__/thrift-bytes";
import { CompactReader } from "./thrift-compact";

describe("CompactReader bounds", () => {
  it("refuses integers beyond the safe range, and varints over ten bytes", () => {
    fails(
      [0x16, ...zigzag(BigInt(Number.MAX_SAFE_INTEGER) + 1n), 0],
      "thrift integer out of range",
    );
    fails(
      [0x16, ...zigzag(-BigInt(Number.MAX_SAFE_INTEGER) - 1n), 0],
      "thrift integer out of range",
    );
    fails([0x16, ...Array(10).fill(0x80), 1, 0], "thrift varint too long");
  });

  it("fails where the data ends early, at each kind of value", () => {
    fails([0x15, 2], "thrift data ends early");
    fails([0x13], "thrift data ends early");
    fails([0x17, 1, 2, 3, 4, 5, 6, 7], "thrift double ends early");
    expect(read([0x17, 1, 2, 3, 4, 5, 6, 7, 8, 0]).get(1)).toBe(0);
    fails([0x18, 3, 1, 2], "thrift length 3 overruns the data");
    expect(read([0x18, 3, 1, 2, 3, 0]).get(1)).toEqual(Uint8Array.from([1, 2, 3]));
    fails([0x19, 0x55, 2, 4, 6, 8], "thrift list overruns the data");
    fails([0x1b, 3, 0x55, 2, 4, 6, 8], "thrift length 3 overruns the data");
  });

  it("refuses unknown types and nesting deeper than 32", () => {
    fails([0x1d, 0], "unknown thrift type 13");
    fails([0x10, 0], "unknown thrift type 0");
    const nested = (levels: number) => [...Array(levels).fill(0x1c), ...Array(levels + 1).fill(0)];
    expect(read(nested(32)).size).toBe(1);
    fails(nested(33), "thrift nesting too deep");
    const lists = (levels: number) => [0x19, ...Array(levels - 1).fill(0x19), 0x15, 2, 0];
    expect(read(lists(32)).size).toBe(1);
    fails(lists(33), "thrift nesting too deep");
  });

  it("refuses a region outside the bytes", () => {
    const bytes = Uint8Array.from([0, 0]);
    for (const [start, end] of [
      [-1, 1],
      [0, 3],
      [2, 1],
    ] as const) {
      expect(() => new CompactReader(bytes, start, end)).toThrow("thrift region outside the file");
    }
    expect(new CompactReader(bytes, 2, 2).pos).toBe(2);
    expect(new CompactReader(bytes, 1, 2).struct().size).toBe(0);
  });
});

describe("CompactReader at the exact end of its region", () => {
  /** Reads `bytes` in a region that ends `short` bytes before them. */
  const readIn = (bytes: number[], short = 0) => {
    const data = Uint8Array.from(bytes);
    return () => new CompactReader(data, 0, data.length - short).struct();
  };

  it("reads a value that ends the region, and only then misses the stop byte", () => {
    for (const bytes of [
      [0x17, 1, 2, 3, 4, 5, 6, 7, 8],
      [0x18, 3, 1, 2, 3],
      [0x19, 0x35, 2, 4, 6],
      [0x1b, 1, 0x55, 2, 4],
    ]) {
      expect(readIn(bytes)).toThrow("thrift data ends early");
    }
  });

  it("never reads the bytes after the region", () => {
    expect(readIn([0x15, 2, 0], 1)).toThrow("thrift data ends early");
    expect(readIn([0x15, 2, 0])().get(1)).toBe(1);
  });

  it("decodes lists of either boolean type from one byte per element", () => {
    expect(read([0x19, 0x22, 1, 2, 0]).get(1)).toEqual([true, false]);
  });

  it("counts nesting through map keys and map values", () => {
    // A map of one entry whose value (or key) is the next map, `levels` deep.
    const values = (levels: number): number[] =>
      levels === 1 ? [0] : [1, 0x5b, 2, ...values(levels - 1)];
    const keys = (levels: number): number[] =>
      levels === 1 ? [0] : [1, 0xb5, ...keys(levels - 1), 2];
    for (const nest of [values, keys]) {
      expect(read([0x1b, ...nest(33), 0]).size).toBe(1);
      fails([0x1b, ...nest(34), 0], "thrift nesting too deep");
    }
  });
});
