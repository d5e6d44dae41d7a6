import { describe, expect, it } from "vitest";
import { ascii, read, varint, zigzag } from "../__fixtures__/thrift-bytes";
import { thriftStruct, type ThriftField } from "./thrift-writer";

const bytes = (fields: ThriftField[]): number[] => Array.from(thriftStruct(fields));

describe("thriftStruct", () => {
  it("writes each kind with its compact type id and a field-id delta in the header byte", () => {
    const out = bytes([
      [1, "bool", true],
      [2, "bool", false],
      [3, "byte", -1],
      [4, "i32", -3],
      [5, "i64", 2 ** 40],
      [6, "binary", "hé"],
      [7, "binary", Uint8Array.of(0, 255)],
      [8, "struct", [[1, "i32", 7]]],
    ]);
    expect(out).toEqual([
      0x11,
      0x12,
      0x13,
      255,
      0x15,
      ...zigzag(-3n),
      0x16,
      ...zigzag(2n ** 40n),
      0x18,
      3,
      ...ascii("h"),
      0xc3,
      0xa9,
      0x18,
      2,
      0,
      255,
      0x1c,
      0x15,
      ...zigzag(7n),
      0,
      0,
    ]);
  });

  it("uses the short header up to a delta of 15 and the long one past it or going back", () => {
    expect(bytes([[15, "i32", 0]])).toEqual([0xf5, 0, 0]);
    expect(bytes([[16, "i32", 0]])).toEqual([0x05, ...zigzag(16n), 0, 0]);
    expect(
      bytes([
        [3, "i32", 1],
        [3, "i32", 2],
        [2, "i32", 3],
        [17, "i32", 4],
        [18, "bool", true],
      ]),
    ).toEqual([0x35, 2, 0x05, ...zigzag(3n), 4, 0x05, ...zigzag(2n), 6, 0xf5, 8, 0x11, 0]);
  });

  it("starts the field-id deltas again in every nested struct", () => {
    const out = bytes([
      [9, "struct", [[2, "i32", 1]]],
      [10, "struct-list", [[[1, "i32", 1]], [[3, "bool", false]]]],
    ]);
    expect(out).toEqual([0x9c, 0x25, 2, 0, 0x19, 0x2c, 0x15, 2, 0, 0x32, 0, 0]);
  });

  it("writes list sizes up to 14 in the header byte and larger ones as a varint", () => {
    const ints = (n: number) => Array.from({ length: n }, (_, i) => i - 2);
    expect(bytes([[1, "i32-list", ints(14)]])).toEqual([
      0x19,
      0xe5,
      ...ints(14).flatMap((v) => zigzag(BigInt(v))),
      0,
    ]);
    expect(bytes([[1, "i32-list", ints(15)]])).toEqual([
      0x19,
      0xf5,
      15,
      ...ints(15).flatMap((v) => zigzag(BigInt(v))),
      0,
    ]);
    expect(bytes([[1, "binary-list", ["a", ""]]])).toEqual([0x19, 0x28, 1, 97, 0, 0]);
    expect(bytes([[1, "struct-list", []]])).toEqual([0x19, 0x0c, 0]);
  });

  // Footer values are sizes, offsets and counts: exact up to 2^53 - 1, and negatives to -2^52
  // (below that, -2v - 1 is no longer a double).
  it("writes varints and zigzag values exactly, as the reader reads them back", () => {
    for (const value of [
      0,
      1,
      -1,
      63,
      -64,
      127,
      128,
      16_383,
      16_384,
      2 ** 31,
      2 ** 53 - 1,
      -(2 ** 52),
    ]) {
      expect(bytes([[1, "i64", value]])).toEqual([0x16, ...zigzag(BigInt(value)), 0]);
      expect(read(bytes([[1, "i64", value]])).get(1)).toBe(value);
    }
    const long = "x".repeat(200);
    expect(bytes([[1, "binary", long]])).toEqual([0x18, ...varint(200n), ...ascii(long), 0]);
  });

  it("writes a footer-like struct that the compact reader reads back field by field", () => {
    const back = read(
      bytes([
        [1, "i32", 2],
        [2, "struct-list", [[[4, "binary", "close"]], [[4, "binary", "open"]]]],
        [3, "i64", 3000],
        [5, "binary-list", ["k", "v"]],
      ]),
    );
    expect(back.get(1)).toBe(2);
    expect(back.get(3)).toBe(3000);
    const names = (back.get(2) as Map<number, unknown>[]).map((s) => s.get(4));
    expect(names).toEqual([Uint8Array.from(ascii("close")), Uint8Array.from(ascii("open"))]);
    expect(back.get(5)).toEqual([Uint8Array.from(ascii("k")), Uint8Array.from(ascii("v"))]);
  });
});
