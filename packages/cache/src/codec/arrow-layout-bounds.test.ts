// What schemaLayouts and checkKeyValues read besides the layouts, each inside the region: names,
// key/value metadata of schema and fields, the features vector, children to a depth of 32; and
// the layouts of schemas flechette writes.
import { describe, expect, it } from "vitest";
import * as fl from "@uwdata/flechette";
import { checkKeyValues, schemaLayouts } from "./arrow-layout";
import { FlatView } from "./flatbuffer-view";
import { build, claim, str, table, tables, type Flat } from "./__fixtures__/flat-builder";
import { field, keyValue, layoutsOf, refusedSchema, schema } from "./__fixtures__/arrow-schema";

const overrun = (n: number) => `vector of ${n} elements overruns its region`;
const bool = () => field({ typeId: 6 });
/** A struct field `levels` deep: children nest down to a boolean leaf at depth `levels`. */
const nested = (levels: number): Flat =>
  levels === 0 ? bool() : field({ typeId: 13, children: tables(nested(levels - 1)) });

describe("checkKeyValues", () => {
  /** Checks the KeyValue vector in field 0 of a table holding `entries`. */
  const check = (entries: Flat | undefined) => {
    const built = build(table(entries));
    checkKeyValues(new FlatView(built.bytes, 0, built.bytes.length), built.root, 0);
  };

  it("accepts entries with or without key and value, and no metadata at all", () => {
    expect(() => check(undefined)).not.toThrow();
    expect(() => check(tables())).not.toThrow();
    expect(() =>
      check(
        tables(
          keyValue(str("k"), str("v")),
          keyValue(str("k")),
          keyValue(undefined, str("v")),
          keyValue(),
        ),
      ),
    ).not.toThrow();
  });

  it("refuses a vector, a key or a value that overruns the region, in any entry", () => {
    expect(() => check(claim(100))).toThrow(overrun(100));
    expect(() => check(tables(keyValue(claim(100))))).toThrow(overrun(100));
    expect(() => check(tables(keyValue(str("k"), claim(101))))).toThrow(overrun(101));
    expect(() => check(tables(keyValue(str("k"), str("v")), keyValue(claim(102))))).toThrow(
      overrun(102),
    );
  });
});

describe("schemaLayouts: what it checks besides layouts", () => {
  it("checks the schema's metadata and its features vector of 8-byte entries", () => {
    refusedSchema(schema([], tables(keyValue(claim(100)))), overrun(100));
    // The features vector is written last, so the region ends with its entries.
    expect(layoutsOf(schema([], undefined, claim(2, 16)))).toEqual([]);
    refusedSchema(schema([], undefined, claim(2, 15)), overrun(2));
  });

  it("checks each field's name and metadata, absent ones allowed", () => {
    expect(layoutsOf(schema([field({ typeId: 6, name: undefined })]))).toEqual([{ kind: "bits" }]);
    refusedSchema(schema([bool(), field({ typeId: 6, name: claim(100) })]), overrun(100));
    refusedSchema(
      schema([field({ typeId: 6, metadata: tables(keyValue(undefined, claim(100))) })]),
      overrun(100),
    );
    refusedSchema(schema([bool(), field({ typeId: 6, metadata: claim(100) })]), overrun(100));
  });

  it("checks every child of a nested field", () => {
    const children = (...items: Flat[]) =>
      schema([field({ typeId: 13, children: tables(...items) })]);
    expect(layoutsOf(children(bool(), bool()))).toBeUndefined();
    refusedSchema(children(bool(), field({ typeId: 6, name: claim(100) })), overrun(100));
    refusedSchema(schema([field({ typeId: 13, children: claim(100) })]), overrun(100));
  });

  it("follows children 32 levels deep and refuses a 33rd", () => {
    expect(layoutsOf(schema([nested(32)]))).toBeUndefined();
    refusedSchema(schema([nested(33)]), "schema nested too deep");
    refusedSchema(schema([bool(), nested(33)]), "schema nested too deep");
  });
});

describe("schemaLayouts on schemas flechette writes", () => {
  it("reads the layout of each flat column", () => {
    const types = {
      i8: fl.int8(),
      i64: fl.int64(),
      f32: fl.float32(),
      f64: fl.float64(),
      s: fl.utf8(),
      ls: fl.largeUtf8(),
      b: fl.bool(),
      d: fl.dateDay(),
      t: fl.timestamp(fl.TimeUnit.MICROSECOND, "UTC"),
      k: fl.dictionary(fl.utf8(), fl.int16()),
    };
    const data = Object.fromEntries(Object.keys(types).map((name) => [name, []]));
    const ipc = fl.tableToIPC(fl.tableFromArrays(data, { types }), { format: "stream" })!;
    // A stream starts with the schema message: continuation, metadata length, Message table.
    const length = new DataView(ipc.buffer, ipc.byteOffset).getInt32(4, true);
    const view = new FlatView(ipc, 8, 8 + length);
    const header = view.deref(view.field(view.root(), 2)!);
    const f = (width: number) => ({ kind: "fixed", width });
    expect(schemaLayouts(view, header)).toEqual([
      f(1),
      f(8),
      f(4),
      f(8),
      { kind: "var", offsetWidth: 4 },
      { kind: "var", offsetWidth: 8 },
      { kind: "bits" },
      f(4),
      f(8),
      f(2),
    ]);
  });
});
