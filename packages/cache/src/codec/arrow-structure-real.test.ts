// Files and streams written by flechette (the Arrow layer the cache writes with) pass the check
// for every flat type, dictionaries, nested columns, nulls and several batches; damage fails it.
import {
  binary,
  bool,
  dateDay,
  dictionary,
  float32,
  float64,
  int16,
  int32,
  int64,
  int8,
  largeUtf8,
  list,
  tableFromArrays,
  tableToIPC,
  timestamp,
  TimeUnit,
  uint32,
  utf8,
} from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { passes, refuses } from "./__fixtures__/arrow-bytes";
import { checkArrowStructure } from "./arrow-structure";
import { StructureError } from "./flatbuffer-view";

const columns = {
  i8: [1, null, 3, 4, 5],
  i16: [1, 2, null, 4, 5],
  i32: [1, 2, 3, 4, 5],
  i64: [1n, 2n, 3n, null, 5n],
  u32: [1, 2, 3, 4, 5],
  f32: [0.5, 1.5, 2.5, 3.5, null],
  f64: [0.5, 1.5, 2.5, 3.5, 4.5],
  flag: [true, false, null, true, false],
  day: [new Date(0), null, new Date(86_400_000), new Date(0), new Date(0)],
  at: [1, 2, 3, 4, null],
  text: ["a", "", null, "dé", "efgh"],
  large: ["a", "bc", null, "", "ijk"],
  blob: [Uint8Array.of(1), null, Uint8Array.of(), Uint8Array.of(2, 3), Uint8Array.of(4)],
  symbol: ["x", "y", "x", null, "y"],
};
const types = {
  i8: int8(),
  i16: int16(),
  i32: int32(),
  i64: int64(),
  u32: uint32(),
  f32: float32(),
  f64: float64(),
  flag: bool(),
  day: dateDay(),
  at: timestamp(TimeUnit.MILLISECOND, "UTC"),
  text: utf8(),
  large: largeUtf8(),
  blob: binary(),
  symbol: dictionary(utf8()),
};

describe("checkArrowStructure on flechette's own bytes", () => {
  for (const format of ["file", "stream"] as const) {
    it(`passes every flat type in the ${format} format, in one batch or several`, () => {
      for (const options of [{ types }, { types, maxBatchRows: 2 }]) {
        const table = tableFromArrays(columns, options);
        passes(tableToIPC(table, { format })!);
      }
      passes(tableToIPC(tableFromArrays({ none: [] }, { types: { none: int32() } }), { format })!);
    });

    it(`passes nested columns in the ${format} format`, () => {
      const nested = tableFromArrays(
        { lists: [[1, 2], null, [], [3]], i32: [1, 2, 3, 4] },
        { types: { lists: list(int32()), i32: int32() } },
      );
      passes(tableToIPC(nested, { format })!);
    });
  }

  it("refuses a file cut short anywhere before its last 4 bytes", () => {
    const bytes = tableToIPC(tableFromArrays(columns, { types }), { format: "file" })!;
    for (let cut = 1; cut <= bytes.length - 4; cut += 1) {
      expect(() => checkArrowStructure(bytes.subarray(0, bytes.length - cut))).toThrow(
        StructureError,
      );
    }
  });

  it("refuses a stream whose first message claims a longer body than there is", () => {
    const bytes = tableToIPC(tableFromArrays({ i32: [1, 2] }, { types: { i32: int32() } }), {
      format: "stream",
    })!;
    refuses(bytes.subarray(0, bytes.length - 9), "message body overruns the file");
  });
});
