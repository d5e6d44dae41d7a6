// Which Arrow types a table is written with (UTC ms timestamps, Float64 for plain numbers), and
// which timestamp value is the first that cannot be written, named by column, row and value.
import { fromArrow, table } from "arquero";
import { tableFromArrays, tableFromIPC, tableToIPC } from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { arrowTypesFor, badTimestamp } from "./arrow-types";

const UTC_MS = { typeId: 10, unit: 1, timezone: "UTC", values: BigInt64Array };
const FLOAT64 = { typeId: 3, precision: 2, values: Float64Array };

describe("arrowTypesFor", () => {
  it("makes listed columns and Date columns UTC ms timestamps, plain numbers Float64", () => {
    const t = table({
      listed: [1, 2],
      text: ["2024-01-01", null],
      dates: [new Date(0), null],
      close: [1, 2.5],
      label: ["a", "b"],
      flag: [true, false],
    });
    expect(arrowTypesFor(t, ["listed", "text", "missing"])).toEqual({
      listed: UTC_MS,
      text: UTC_MS,
      dates: UTC_MS,
      close: FLOAT64,
    });
  });

  it("judges a column by its first value that is neither null nor undefined", () => {
    const t = table({
      late: [null, undefined, 3],
      lateDate: [undefined, null, new Date(5)],
      empty: [null, undefined, null],
      mixed: [null, "x", 3],
    });
    expect(arrowTypesFor(t, [])).toEqual({ late: FLOAT64, lateDate: UTC_MS });
  });

  it("leaves typed-array and Arrow-backed columns to their own type", () => {
    const ipc = tableToIPC(tableFromArrays({ n: [1, 2] }), { format: "stream" })!;
    const arrow = fromArrow(tableFromIPC(ipc) as never);
    expect(arrowTypesFor(arrow, [])).toEqual({});
    expect(arrowTypesFor(table({ f: Float64Array.of(1, 2), i: Int32Array.of(1, 2) }), [])).toEqual(
      {},
    );
    expect(arrowTypesFor(arrow, ["n"])).toEqual({ n: UTC_MS });
    expect(arrowTypesFor(table({ n: [] }), [])).toEqual({});
  });
});

describe("badTimestamp", () => {
  const bad = (values: unknown[], listed = ["t"]) => {
    const t = table({ t: values });
    return badTimestamp(t, arrowTypesFor(t, listed));
  };

  it("accepts whole epoch-ms numbers, valid Dates, null and undefined", () => {
    expect(
      bad([0, -1, Number.MAX_SAFE_INTEGER, new Date(0), new Date(-5), null, undefined]),
    ).toBeUndefined();
  });

  it("names the column, row and value of the first bad one, as JSON", () => {
    expect(bad([1, "2024-01-01", 2.5])).toEqual({ column: "t", row: 1, value: '"2024-01-01"' });
    expect(bad([1, 2, 2.5])).toEqual({ column: "t", row: 2, value: "2.5" });
    expect(bad([2 ** 53])).toEqual({ column: "t", row: 0, value: "9007199254740992" });
    expect(bad([{ at: 1 }])).toEqual({ column: "t", row: 0, value: '{"at":1}' });
    expect(bad([true])).toEqual({ column: "t", row: 0, value: "true" });
  });

  it("calls an invalid Date so, and a value JSON cannot show by its type", () => {
    expect(bad([new Date(0), new Date(Number.NaN)])).toEqual({
      column: "t",
      row: 1,
      value: "Invalid Date",
    });
    expect(bad([() => 1])).toEqual({ column: "t", row: 0, value: "function" });
    expect(bad([Symbol("s")])).toEqual({ column: "t", row: 0, value: "symbol" });
  });

  it("checks only timestamp columns, and each of them", () => {
    const t = table({ close: [1.5], a: [1], b: [new Date(0)], c: ["x"] });
    const types = arrowTypesFor(t, ["a", "c"]);
    expect(badTimestamp(t, types)).toEqual({ column: "c", row: 0, value: '"x"' });
    expect(badTimestamp(t, { close: types.close! })).toBeUndefined();
  });

  it("shows a BigInt or a value with a cycle without throwing", () => {
    expect(bad([1, 5n])).toEqual({ column: "t", row: 1, value: "5n" });
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(bad([cyclic])).toEqual({ column: "t", row: 0, value: "object" });
  });
});

describe("filtered and ordered tables", () => {
  it("judges and checks the table's own rows, numbered as the table numbers them", () => {
    const source = table({ a: [null, null, 5, 7], d: [null, null, new Date(0), new Date(1)] });
    const kept = source.filter((r: { a: number }) => r.a > 6);
    expect(arrowTypesFor(kept, [])).toEqual({ a: FLOAT64, d: UTC_MS });
    const stamps = table({ t: ["bad", 1, 2.5] });
    const types = arrowTypesFor(stamps, ["t"]);
    expect(
      badTimestamp(
        stamps.filter((r: { t: unknown }) => r.t === 1),
        types,
      ),
    ).toBeUndefined();
    expect(
      badTimestamp(
        stamps.filter((r: { t: unknown }) => r.t !== 1),
        types,
      ),
    ).toEqual({
      column: "t",
      row: 0,
      value: '"bad"',
    });
    const ordered = table({ t: [3, 1, 2.5], k: [0, 2, 1] }).orderby("k");
    expect(badTimestamp(ordered, arrowTypesFor(ordered, ["t"]))).toEqual({
      column: "t",
      row: 1,
      value: "2.5",
    });
  });
});
