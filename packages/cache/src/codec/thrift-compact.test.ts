// The compact-protocol reader against bytes encoded by hand, field by field: every type, both
// field-id forms, both list-size forms, and the struct field helpers.
import { describe, expect, it } from "vitest";
import { ascii, read, zigzag } from "./__fixtures__/thrift-bytes";
import { list, num, sub, text } from "./thrift-compact";

describe("CompactReader", () => {
  it("decodes every compact type into the field ids of its struct", () => {
    const fields = read([
      0x11, // 1: true
      0x12, // 2: false
      0x13,
      0xff, // 3: byte -1
      0x14,
      ...zigzag(-300n), // 4: i16
      0x15,
      ...zigzag(123_456n), // 5: i32
      0x16,
      ...zigzag(-(2n ** 40n)), // 6: i64
      0x17,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8, // 7: double, skipped as 0
      0x18,
      3,
      ...ascii("abc"), // 8: binary
      0x19,
      0x35,
      ...zigzag(1n),
      ...zigzag(-2n),
      ...zigzag(3n), // 9: list<i32>
      0x1a,
      0x21,
      1,
      2, // 10: set<bool>
      0x1b,
      1,
      0x58,
      ...zigzag(7n),
      1,
      ...ascii("x"), // 11: map<i32, binary>
      0x1c,
      0x15,
      ...zigzag(9n),
      0, // 12: struct {1: 9}
      0,
    ]);
    expect([...fields.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(fields.get(1)).toBe(true);
    expect(fields.get(2)).toBe(false);
    expect(fields.get(3)).toBe(-1);
    expect(fields.get(4)).toBe(-300);
    expect(fields.get(5)).toBe(123_456);
    expect(fields.get(6)).toBe(-(2 ** 40));
    expect(fields.get(7)).toBe(0);
    expect(text(fields, 8)).toBe("abc");
    expect(fields.get(9)).toEqual([1, -2, 3]);
    expect(fields.get(10)).toEqual([true, false]);
    const map = fields.get(11) as unknown[];
    expect(map[0]).toBe(7);
    expect(new TextDecoder().decode(map[1] as Uint8Array)).toBe("x");
    expect(num(sub(fields, 12), 1)).toBe(9);
  });

  it("reads a byte of 127 as positive and 128 as negative", () => {
    expect(read([0x13, 0x7f, 0]).get(1)).toBe(127);
    expect(read([0x13, 0x80, 0]).get(1)).toBe(-128);
  });

  it("adds field-id deltas and reads a long-form id when the delta is 0", () => {
    const fields = read([0x15, 2, 0x25, 4, 0x05, ...zigzag(300n), 6, 0x15, 8, 0]);
    expect([...fields.entries()]).toEqual([
      [1, 1],
      [3, 2],
      [300, 3],
      [301, 4],
    ]);
  });

  it("reads a list of 15 or more elements from the long size form", () => {
    const items = Array.from({ length: 20 }, (_, i) => zigzag(BigInt(i))).flat();
    expect(read([0x19, 0xf5, 20, ...items, 0]).get(1)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expect(read([0x19, 0xe5, ...items.slice(0, 14), 0]).get(1)).toHaveLength(14);
  });

  it("reads an empty map without a types byte, and nested lists and maps", () => {
    expect(read([0x1b, 0, 0x15, 2, 0])).toEqual(
      new Map<number, unknown>([
        [1, []],
        [2, 1],
      ]),
    );
    expect(read([0x19, 0x19, 0x15, 2, 0]).get(1)).toEqual([[1]]);
    expect(read([0x19, 0x1c, 0x15, 2, 0, 0]).get(1)).toEqual([new Map([[1, 1]])]);
  });

  it("decodes the largest safe integers and a full ten-byte varint", () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(read([0x16, ...zigzag(max), 0]).get(1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(read([0x16, ...zigzag(-max), 0]).get(1)).toBe(Number.MIN_SAFE_INTEGER);
    // Ten bytes: the most a 64-bit varint takes (a binary of length 1 encoded with padding).
    expect(
      text(read([0x18, 0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0, 0x41, 0]), 1),
    ).toBe("A");
  });
});

describe("struct field helpers", () => {
  const fields = read([0x15, 14, 0x18, 2, ...ascii("hi"), 0x19, 0x15, 2, 0x1c, 0, 0]);
  it("read a field only when it has the asked type, else the fallback", () => {
    expect(num(fields, 1)).toBe(7);
    expect(num(fields, 2)).toBe(0);
    expect(num(fields, 9, -1)).toBe(-1);
    expect(num(undefined, 1, 5)).toBe(5);
    expect(text(fields, 2)).toBe("hi");
    expect(text(fields, 1)).toBeUndefined();
    expect(text(undefined, 2)).toBeUndefined();
    expect(list(fields, 3)).toEqual([1]);
    expect(list(fields, 1)).toEqual([]);
    expect(list(undefined, 3)).toEqual([]);
    expect(sub(fields, 4)).toEqual(new Map());
    expect(sub(fields, 3)).toBeUndefined();
    expect(sub(undefined, 4)).toBeUndefined();
  });
});
