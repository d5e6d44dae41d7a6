// schemaLayouts on Schema tables built by hand: the buffer layout of every flat Arrow type, the
// defaults of absent type fields, and the widths it refuses.
import { describe, expect, it } from "vitest";
import { i32, table, u16 } from "./__fixtures__/flat-builder";
import { field, int, layoutsOf, refusedSchema, schema, typed } from "./__fixtures__/arrow-schema";

const one = (f: ReturnType<typeof field>) => layoutsOf(schema([f]));
const fixed = (width: number) => [{ kind: "fixed", width }];

describe("schemaLayouts: types without a width", () => {
  it("reads null, boolean, and the 32- and 64-bit offset types", () => {
    expect(one(field({ typeId: 1 }))).toEqual([{ kind: "null" }]);
    expect(one(field({ typeId: 6 }))).toEqual([{ kind: "bits" }]);
    for (const typeId of [4, 5])
      expect(one(field({ typeId }))).toEqual([{ kind: "var", offsetWidth: 4 }]);
    for (const typeId of [19, 20])
      expect(one(field({ typeId }))).toEqual([{ kind: "var", offsetWidth: 8 }]);
  });

  it("reads the fields in order, and none from a schema without fields", () => {
    expect(
      layoutsOf(schema([field({ typeId: 6 }), typed(2, i32(16)), field({ typeId: 1 })])),
    ).toEqual([{ kind: "bits" }, { kind: "fixed", width: 2 }, { kind: "null" }]);
    expect(layoutsOf(schema([]))).toEqual([]);
    expect(layoutsOf(schema(undefined))).toEqual([]);
  });

  it("gives up (undefined) when any column is nested, of no type or of an unknown one", () => {
    for (const typeId of [0, 12, 13, 14, 16, 17, 21, 24]) {
      expect(one(field({ typeId })), `type ${typeId}`).toBeUndefined();
    }
    expect(one(field({}))).toBeUndefined();
    expect(layoutsOf(schema([field({ typeId: 6 }), field({ typeId: 13 })]))).toBeUndefined();
  });
});

describe("schemaLayouts: fixed widths", () => {
  it("reads Int, Decimal and Time widths from their bit width, refusing odd ones", () => {
    for (const bits of [8, 16, 32, 64, 128, 256]) {
      expect(one(typed(2, i32(bits)))).toEqual(fixed(bits / 8));
      expect(one(typed(7, i32(10), i32(2), i32(bits)))).toEqual(fixed(bits / 8));
      expect(one(typed(9, u16(1), i32(bits)))).toEqual(fixed(bits / 8));
    }
    for (const bits of [0, 4, 12, 24, 48, 512]) {
      refusedSchema(schema([typed(2, i32(bits))]), `bad bit width ${bits}`);
      refusedSchema(schema([typed(7, i32(10), i32(2), i32(bits))]), `bad bit width ${bits}`);
      refusedSchema(schema([typed(9, u16(1), i32(bits))]), `bad bit width ${bits}`);
    }
  });

  it("takes the defaults of absent fields: Int none, Decimal 128 bits, Time 32 bits", () => {
    refusedSchema(schema([typed(2)]), "bad bit width 0");
    refusedSchema(schema([field({ typeId: 2 })]), "bad bit width 0");
    expect(one(typed(7))).toEqual(fixed(16));
    expect(one(field({ typeId: 7 }))).toEqual(fixed(16));
    expect(one(typed(9, u16(2)))).toEqual(fixed(4));
    expect(one(field({ typeId: 9 }))).toEqual(fixed(4));
  });

  it("reads Float widths from the precision, and gives up on an unknown one", () => {
    expect(one(typed(3, u16(0)))).toEqual(fixed(2));
    expect(one(typed(3, u16(1)))).toEqual(fixed(4));
    expect(one(typed(3, u16(2)))).toEqual(fixed(8));
    expect(one(typed(3, u16(3)))).toBeUndefined();
  });

  it("reads Date as 4 bytes for days and 8 for milliseconds, the default", () => {
    expect(one(typed(8, u16(0)))).toEqual(fixed(4));
    expect(one(typed(8, u16(1)))).toEqual(fixed(8));
    expect(one(typed(8))).toEqual(fixed(8));
    expect(one(field({ typeId: 8 }))).toEqual(fixed(8));
  });

  it("reads Timestamp and Duration as 8 bytes and Interval by its unit", () => {
    expect(one(typed(10, u16(3)))).toEqual(fixed(8));
    expect(one(typed(18, u16(0)))).toEqual(fixed(8));
    expect(one(typed(11, u16(0)))).toEqual(fixed(4));
    expect(one(typed(11, u16(1)))).toEqual(fixed(8));
    expect(one(typed(11, u16(2)))).toEqual(fixed(16));
    expect(one(typed(11))).toEqual(fixed(4));
    expect(one(field({ typeId: 11 }))).toEqual(fixed(4));
    expect(one(typed(11, u16(3)))).toBeUndefined();
  });

  it("reads FixedSizeBinary's byte width, none when absent, refusing a negative one", () => {
    expect(one(typed(15, i32(5)))).toEqual(fixed(5));
    expect(one(typed(15))).toEqual(fixed(0));
    refusedSchema(schema([typed(15, i32(-1))]), "bad byte width -1");
  });
});

describe("schemaLayouts: dictionary-encoded columns", () => {
  const encoded = (indexType?: ReturnType<typeof table>) =>
    field({ typeId: 5, dictionary: table(i32(0), indexType) });

  it("hold keys of the index type's width, int32 when it is absent", () => {
    for (const bits of [8, 16, 32, 64]) expect(one(encoded(int(bits)))).toEqual(fixed(bits / 8));
    expect(one(encoded())).toEqual(fixed(4));
    expect(one(encoded(table()))).toEqual(fixed(4));
  });

  it("refuse index widths other than 1, 2, 4 or 8 bytes", () => {
    for (const bits of [0, 4, 24, 128]) {
      refusedSchema(schema([encoded(int(bits))]), `bad dictionary index width ${bits}`);
    }
  });
});
