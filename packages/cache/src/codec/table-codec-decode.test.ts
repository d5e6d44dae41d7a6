// decodeTable: which reader a file goes to (direct typed arrays, or arrow-rs and flechette),
// zone-less columns from pandas metadata on both, and the CacheCorruptionError for bytes that do
// not parse, naming path, format and reason.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { failure } from "../read/__fixtures__/outcome";
import { CacheCorruptionError } from "@peak/errors";
import { tableToIPC, tableFromArrays, timestamp, TimeUnit, utf8 } from "@uwdata/flechette";
import { StructureError } from "./flatbuffer-view";
import { encodeParquet } from "./parquet-codec";
import { writeParquetDirect } from "./direct/parquet-direct-write";
import { decodeTable, encodeTable } from "./table-codec";

const T0 = Date.UTC(2024, 0, 1);
const NAIVE = JSON.stringify({ columns: [{ field_name: "timestamp", pandas_type: "datetime" }] });
const numeric = () =>
  encodeTable(aq.table({ timestamp: Float64Array.of(T0), close: Float64Array.of(1.5) }), "a", {
    format: "parquet",
    timestampColumns: ["timestamp"],
    compression: "snappy",
  });

describe("decodeTable: readers", () => {
  it("reads a direct-written file into typed arrays, with numbers for timestamps", async () => {
    const table = await decodeTable(await numeric(), "a.parquet", "parquet", "number");
    expect(table.column("close")).toBeInstanceOf(Float64Array);
    expect(table.objects()).toEqual([{ timestamp: T0, close: 1.5 }]);
  });

  it("returns Dates from the general reader when asked for them", async () => {
    const table = await decodeTable(await numeric(), "a.parquet", "parquet", "date");
    expect(table.objects()).toEqual([{ timestamp: new Date(T0), close: 1.5 }]);
  });

  it("reads Arrow IPC bytes in the file and the stream format", async () => {
    const arrow = tableFromArrays({ close: [1.5, 2.5] });
    for (const format of ["file", "stream"] as const) {
      const table = await decodeTable(tableToIPC(arrow, { format })!, "a.arrow", "arrow", "number");
      expect(table.array("close")).toEqual([1.5, 2.5]);
    }
  });

  it("returns columns pandas calls zone-less datetimes as zone-less text, from either reader", async () => {
    const plain = BigInt64Array.of(BigInt(T0));
    const direct = writeParquetDirect(
      [{ name: "timestamp", kind: "timestamp-ms-utc", plain: new Uint8Array(plain.buffer) }],
      1,
      "uncompressed",
      new Map([["pandas", NAIVE]]),
    );
    const types = { timestamp: timestamp(TimeUnit.MILLISECOND, "UTC"), name: utf8() };
    const ipc = tableToIPC(tableFromArrays({ timestamp: [T0], name: ["a"] }, { types }), {
      format: "stream",
    })!;
    const general = await encodeParquet(ipc, "snappy", new Map([["pandas", NAIVE]]));
    for (const bytes of [direct, general]) {
      const table = await decodeTable(bytes, "n.parquet", "parquet", "number");
      expect(table.array("timestamp")).toEqual(["2024-01-01T00:00:00.000"]);
    }
  });
});

describe("decodeTable: damaged bytes", () => {
  const path = "bad\u0007.cache";
  it.each([
    ["parquet", Uint8Array.of(1, 2, 3), "StructureError: not a Parquet file (magic)"],
    [
      "arrow",
      Uint8Array.of(0, 0, 0, 9, 1, 2),
      "StructureError: message metadata overruns the file",
    ],
  ] as const)(
    "raises a CacheCorruptionError for damaged %s bytes",
    async (format, bytes, reason) => {
      const error = await failure(decodeTable(bytes, path, format, "number"));
      expect(error).toBeInstanceOf(CacheCorruptionError);
      expect(error).toMatchObject({
        message: `Cannot parse ${format} cache file bad\\u0007.cache`,
        hint: `The file is damaged or not ${format}; delete it and rebuild the cache entry`,
      });
      expect(error.context).toEqual({ path, format, reason });
      expect(error.cause).toBeInstanceOf(StructureError);
    },
  );
});
