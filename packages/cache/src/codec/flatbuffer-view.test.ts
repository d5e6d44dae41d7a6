// The bounds-checked FlatBuffers reader against little tables built here byte by byte: each
// check at its exact edge, and the message that names what was damaged.
import { describe, expect, it } from "vitest";
import { check, FlatView, StructureError } from "./flatbuffer-view";

/** Little-endian bytes from [kind, value] pairs. */
const le = (...parts: [kind: "u8" | "u16" | "i32" | "u32" | "i64", value: number | bigint][]) => {
  const size = { u8: 1, u16: 2, i32: 4, u32: 4, i64: 8 };
  const total = parts.reduce((sum, [kind]) => sum + size[kind], 0);
  const view = new DataView(new ArrayBuffer(total));
  let at = 0;
  for (const [kind, value] of parts) {
    if (kind === "u8") view.setUint8(at, Number(value));
    if (kind === "u16") view.setUint16(at, Number(value), true);
    if (kind === "i32") view.setInt32(at, Number(value), true);
    if (kind === "u32") view.setUint32(at, Number(value), true);
    if (kind === "i64") view.setBigInt64(at, BigInt(value), true);
    at += size[kind];
  }
  return new Uint8Array(view.buffer);
};

/** A root table at 12 with its vtable at 4: `vtableSize`, then field offsets; field 0 holds 42. */
const table = (vtableSize: number, offsets: [number, number]) => {
  const bytes = le(
    ["u32", 12],
    ["u16", vtableSize],
    ["u16", 8],
    ["u16", offsets[0]],
    ["u16", offsets[1]],
    ["i32", 8],
    ["i32", 42],
  );
  return new FlatView(bytes, 0, bytes.length);
};

describe("check and StructureError", () => {
  it("throws a StructureError named so, with the reason, only when the check fails", () => {
    expect(() => check(true, "fine")).not.toThrow();
    const error = (() => {
      try {
        check(false, "broken");
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(StructureError);
    expect(error).toMatchObject({ name: "StructureError", message: "broken" });
  });
});

describe("FlatView", () => {
  it("refuses a region outside the bytes, and accepts an empty one at the end", () => {
    const bytes = new Uint8Array(4);
    for (const [start, end] of [
      [-1, 4],
      [0, 5],
      [3, 2],
    ] as const) {
      expect(() => new FlatView(bytes, start, end)).toThrow("region outside the file");
    }
    expect(new FlatView(bytes, 4, 4).end).toBe(4);
    expect(new FlatView(bytes, 0, 4).start).toBe(0);
  });

  it("reads only inside its region, naming the offset it refused", () => {
    const view = new FlatView(le(["u32", 0x01020304], ["u32", 0xffffffff], ["u32", 7]), 2, 10);
    expect(() => view.u8(1)).toThrow("offset 1 out of bounds");
    expect(view.u8(2)).toBe(0x02);
    expect(view.u8(8)).toBe(7);
    expect(view.u8(9)).toBe(0);
    expect(() => view.u8(10)).toThrow("offset 10 out of bounds");
    expect(view.u32(4)).toBe(0xffffffff);
    expect(view.i32(4)).toBe(-1);
    expect(view.u32(6)).toBe(0x0007ffff);
    expect(() => view.u32(7)).toThrow("offset 7 out of bounds");
    expect(() => view.u16(2.5)).toThrow("offset 2.5 out of bounds");
    expect(view.u16(2)).toBe(0x0102);
  });

  it("reads 64-bit integers up to the safe range and refuses one beyond it", () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const view = new FlatView(
      le(["i64", max], ["i64", -max], ["i64", max + 1n], ["i64", -max - 1n]),
      0,
      32,
    );
    expect(view.i64(0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(view.i64(8)).toBe(Number.MIN_SAFE_INTEGER);
    expect(() => view.i64(16)).toThrow(`64-bit value ${max + 1n} out of range`);
    expect(() => view.i64(24)).toThrow(`64-bit value ${-max - 1n} out of range`);
  });

  it("finds a table's fields through its vtable, absent ones as undefined", () => {
    const view = table(8, [4, 0]);
    const root = view.root();
    expect(root).toBe(12);
    expect(view.i32(view.field(root, 0)!)).toBe(42);
    expect(view.field(root, 1)).toBeUndefined();
    expect(view.field(root, 2)).toBeUndefined();
    expect(table(4, [4, 0]).field(12, 0)).toBeUndefined();
  });

  it("refuses a vtable of a bad size, one past the region, and a field outside it", () => {
    expect(() => table(3, [4, 0]).field(12, 0)).toThrow("bad vtable size");
    expect(() => table(2, [4, 0]).field(12, 0)).toThrow("bad vtable size");
    expect(() => table(7, [4, 0]).field(12, 0)).toThrow("bad vtable size");
    expect(() => table(40, [4, 0]).field(12, 0)).toThrow("offset 4 out of bounds");
    expect(() => table(8, [8, 0]).field(12, 0)).toThrow("offset 20 out of bounds");
    expect(table(8, [7, 0]).field(12, 0)).toBe(19);
  });

  it("reads a vector that ends the region, refuses a longer one, and decodes strings", () => {
    // At 0 a uoffset to the vector at 4: its length, then 4-byte elements.
    const ints = le(["u32", 4], ["u32", 2], ["u32", 10], ["u32", 20]);
    expect(new FlatView(ints, 0, 16).vector(0, 4)).toEqual({ first: 8, length: 2 });
    const long = le(["u32", 4], ["u32", 3], ["u32", 10], ["u32", 20]);
    expect(() => new FlatView(long, 0, 16).vector(0, 4)).toThrow(
      "vector of 3 elements overruns its region",
    );
    const word = new TextEncoder().encode("héllo");
    const text = new Uint8Array([...le(["u32", 4], ["u32", word.length]), ...word, 0]);
    expect(new FlatView(text, 0, text.length).string(0)).toBe("héllo");
    expect(() => new FlatView(text, 0, 9).string(0)).toThrow("vector of 6 elements overruns");
  });
});
