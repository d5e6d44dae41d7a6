import { describe, expect, it } from "vitest";
import { CompactReader } from "../thrift-compact";
import { PHYSICAL } from "./direct-columns";
import { leafKind } from "./leaf-kind";
import { thriftStruct, type ThriftField } from "./thrift-writer";

// A Parquet SchemaElement (parquet.thrift field ids), written and read back as real bytes.
const leaf = (type: number | undefined, extra: ThriftField[] = [], name = "x") => {
  const head: ThriftField[] = type === undefined ? [] : [[1, "i32", type]];
  const fields: ThriftField[] = [...head, [3, "i32", 1], [4, "binary", name], ...extra];
  fields.sort((a, b) => a[0] - b[0]);
  const bytes = thriftStruct(fields);
  return new CompactReader(bytes, 0, bytes.length).struct();
};
const kind = (type: number | undefined, extra: ThriftField[] = [], naive: string[] = []) =>
  leafKind(leaf(type, extra), new Set(naive));
const converted = (id: number): ThriftField => [6, "i32", id];
const integer = (bits: number, signed: boolean): ThriftField => [
  10,
  "struct",
  [
    [
      10,
      "struct",
      [
        [1, "byte", bits],
        [2, "bool", signed],
      ],
    ],
  ],
];
// TIMESTAMP(isAdjustedToUTC, unit): unit 1 MILLIS, 2 MICROS, 3 NANOS.
const stamp = (utc: boolean, unit = 1): ThriftField => [
  10,
  "struct",
  [
    [
      8,
      "struct",
      [
        [1, "bool", utc],
        [2, "struct", [[unit, "struct", []]]],
      ],
    ],
  ],
];
const DATE: ThriftField = [10, "struct", [[6, "struct", []]]];

describe("leafKind", () => {
  it("takes plain doubles and floats, nothing with a converted or logical type", () => {
    expect(kind(PHYSICAL.DOUBLE)).toBe("double");
    expect(kind(PHYSICAL.FLOAT)).toBe("float");
    for (const type of [PHYSICAL.DOUBLE, PHYSICAL.FLOAT]) {
      expect(kind(type, [converted(5)])).toBeUndefined();
      expect(kind(type, [DATE])).toBeUndefined();
    }
  });

  it("takes int32 and int64 when plain, signed of their own width, or converted INT_32/INT_64", () => {
    expect(kind(PHYSICAL.INT32)).toBe("int32");
    expect(kind(PHYSICAL.INT32, [integer(32, true)])).toBe("int32");
    expect(kind(PHYSICAL.INT32, [converted(17)])).toBe("int32");
    expect(kind(PHYSICAL.INT32, [converted(17), integer(32, true)])).toBe("int32");
    expect(kind(PHYSICAL.INT64)).toBe("int64");
    expect(kind(PHYSICAL.INT64, [integer(64, true)])).toBe("int64");
    expect(kind(PHYSICAL.INT64, [converted(18)])).toBe("int64");
    expect(kind(PHYSICAL.INT64, [converted(18), integer(64, true)])).toBe("int64");
  });

  it("leaves unsigned, narrower or otherwise typed integers to the general reader", () => {
    for (const extra of [[integer(32, false)], [integer(16, true)], [converted(16)], [DATE]]) {
      expect(kind(PHYSICAL.INT32, extra)).toBeUndefined();
    }
    expect(kind(PHYSICAL.INT32, [converted(18), integer(32, true)])).toBeUndefined();
    for (const extra of [[integer(64, false)], [integer(32, true)], [converted(17)], [DATE]]) {
      expect(kind(PHYSICAL.INT64, extra)).toBeUndefined();
    }
    expect(kind(PHYSICAL.INT64, [converted(17), integer(64, true)])).toBeUndefined();
  });

  it("takes int64 timestamps only in milliseconds, UTC, and not listed naive by pandas", () => {
    expect(kind(PHYSICAL.INT64, [stamp(true)])).toBe("timestamp-ms-utc");
    expect(kind(PHYSICAL.INT64, [converted(9), stamp(true)])).toBe("timestamp-ms-utc");
    expect(kind(PHYSICAL.INT64, [converted(10), stamp(true)])).toBeUndefined();
    expect(kind(PHYSICAL.INT64, [stamp(false)])).toBeUndefined();
    expect(kind(PHYSICAL.INT64, [stamp(true, 2)])).toBeUndefined();
    expect(kind(PHYSICAL.INT64, [stamp(true, 3)])).toBeUndefined();
    expect(kind(PHYSICAL.INT64, [stamp(true)], ["x"])).toBeUndefined();
    expect(kind(PHYSICAL.INT64, [stamp(true)], ["y"])).toBe("timestamp-ms-utc");
    expect(kind(PHYSICAL.INT32, [stamp(true)])).toBeUndefined();
  });

  it("leaves groups, repeated fields and other physical types to the general reader", () => {
    expect(kind(PHYSICAL.DOUBLE, [[5, "i32", 2]])).toBeUndefined();
    expect(leafKind(leaf(PHYSICAL.DOUBLE, [[5, "i32", 0]]), new Set())).toBeUndefined();
    const repeated = thriftStruct([
      [1, "i32", PHYSICAL.DOUBLE],
      [3, "i32", 2],
      [4, "binary", "x"],
    ]);
    expect(
      leafKind(new CompactReader(repeated, 0, repeated.length).struct(), new Set()),
    ).toBeUndefined();
    const required = thriftStruct([
      [1, "i32", PHYSICAL.DOUBLE],
      [3, "i32", 0],
      [4, "binary", "x"],
    ]);
    expect(leafKind(new CompactReader(required, 0, required.length).struct(), new Set())).toBe(
      "double",
    );
    for (const type of [0, 3, 6, 7, undefined]) expect(kind(type)).toBeUndefined();
  });
});
