// encodeTable: which writer a table goes to, what each writes (codecs, dictionaries, pandas
// metadata), and the ConfigErrors for tables it cannot encode, each naming column, row and path.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { failure } from "../read/__fixtures__/outcome";
import { ConfigError } from "@peak/errors";
import { tableFromArrays, tableFromIPC, tableToIPC, timestamp, TimeUnit } from "@uwdata/flechette";
import { decodeTable, encodeTable, type EncodeTableOptions } from "./table-codec";
import { chunks, createdBy, keyValues } from "./__fixtures__/parquet-footer";

const T0 = Date.UTC(2024, 0, 1);
const numeric = () =>
  aq.table({ timestamp: Float64Array.of(T0, T0 + 60_000), close: Float64Array.of(1.5, 2.5) });
const parquet = (compression: EncodeTableOptions["compression"]): EncodeTableOptions => ({
  format: "parquet",
  timestampColumns: ["timestamp"],
  compression,
});

describe("encodeTable: the writer", () => {
  it("writes typed-array tables with the direct writer unless zstd is asked for", async () => {
    for (const compression of ["snappy", "uncompressed"] as const) {
      expect(createdBy(await encodeTable(numeric(), "a.parquet", parquet(compression)))).toBe(
        "@peak/cache",
      );
    }
    const zstd = await encodeTable(numeric(), "a.parquet", parquet("zstd"));
    expect(createdBy(zstd)).toMatch(/^parquet-rs version /);
    expect(chunks(zstd)).toEqual({
      timestamp: { codec: 6, dictionary: false },
      close: { codec: 6, dictionary: false },
    });
  });

  it("writes Arrow IPC in the file format for format arrow, typed arrays or not", async () => {
    const magic = [..."ARROW1"].map((c) => c.charCodeAt(0));
    for (const table of [numeric(), aq.table({ s: ["a"] })]) {
      const bytes = await encodeTable(table, "a.arrow", { ...parquet("snappy"), format: "arrow" });
      expect([...bytes.subarray(0, 6)]).toEqual(magic);
      expect([...bytes.subarray(-6)]).toEqual(magic);
    }
  });

  it("skips dictionaries for float and timestamp columns only", async () => {
    const table = aq.table({
      timestamp: [T0, T0, T0],
      price: [1.5, 1.5, 1.5],
      count: Int32Array.of(7, 7, 7),
      name: ["a", "a", "a"],
    });
    expect(chunks(await encodeTable(table, "a.parquet", parquet("snappy")))).toEqual({
      timestamp: { codec: 1, dictionary: false },
      price: { codec: 1, dictionary: false },
      count: { codec: 1, dictionary: true },
      name: { codec: 1, dictionary: true },
    });
  });
});

/** The metadata of the Arrow schema arrow-rs embeds (one IPC message, base64) in the footer. */
const embeddedMetadata = (kv: Map<string, string>) => {
  const message = Buffer.from(kv.get("ARROW:schema")!, "base64");
  const endOfStream = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
  return tableFromIPC(Uint8Array.from([...message, ...endOfStream])).schema.metadata;
};

describe("encodeTable: pandas metadata", () => {
  it("puts it in the footer and in the embedded Arrow schema when there is a zoned timestamp", async () => {
    const bytes = await encodeTable(
      aq.table({ timestamp: [T0], name: ["a"] }),
      "a.parquet",
      parquet("snappy"),
    );
    const kv = keyValues(bytes);
    expect([...kv.keys()].sort()).toEqual(["ARROW:schema", "pandas"]);
    expect(JSON.parse(kv.get("pandas")!).index_columns).toEqual(["timestamp"]);
    expect(embeddedMetadata(kv)).toEqual(new Map([["pandas", kv.get("pandas")]]));
  });

  it("writes none without a timestamp column", async () => {
    const bytes = await encodeTable(aq.table({ name: ["a"] }), "a.parquet", parquet("snappy"));
    const kv = keyValues(bytes);
    expect([...kv.keys()]).toEqual(["ARROW:schema"]);
    expect(embeddedMetadata(kv)).toBeNull();
  });
});

describe("encodeTable: columns kept as they were read", () => {
  it("writes an Arrow-backed µs timestamp column unchanged, fractions of a ms included", async () => {
    const types = { timestamp: timestamp(TimeUnit.MICROSECOND, "UTC") };
    const ipc = tableToIPC(tableFromArrays({ timestamp: [1.5, 2.25] }, { types }), {
      format: "file",
    })!;
    const read = await decodeTable(ipc, "a.arrow", "arrow", "number");
    const bytes = await encodeTable(read, "a.parquet", parquet("snappy"));
    const back = await decodeTable(bytes, "a.parquet", "parquet", "number");
    expect(back.array("timestamp")).toEqual([1.5, 2.25]);
  });
});

describe("encodeTable: errors", () => {
  it("refuses a timestamp column holding text, naming column, row, value and path", async () => {
    for (const format of ["parquet", "arrow"] as const) {
      const table = aq.table({ timestamp: [T0, "2024-01-01"] });
      const error = await failure(encodeTable(table, "bars.x", { ...parquet("snappy"), format }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({
        message: 'Column `timestamp` holds "2024-01-01" at row 1, not a timestamp',
        hint: "Timestamp columns must hold whole epoch-ms numbers or Date objects (UTC instants); zone-less text read from a file needs a zone first",
      });
      expect(error.context).toEqual({
        path: "bars.x",
        column: "timestamp",
        row: 1,
        value: '"2024-01-01"',
      });
    }
  });

  it("wraps an encoder failure in a ConfigError with the path escaped and the reason", async () => {
    for (const format of ["parquet", "arrow"] as const) {
      const path = "bars\u0007.x";
      const table = aq.table({ mixed: [[1], 2] });
      const error = await failure(encodeTable(table, path, { ...parquet("snappy"), format }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({
        message: "Cannot encode the table for bars\\u0007.x",
        hint: "Timestamp columns must hold epoch-ms numbers or Date objects; other columns numbers, strings or booleans",
      });
      const reason = "Error: Mixed types detected, please define a union type.";
      expect(error.context).toEqual({ path, format, reason });
      expect(String(error.cause)).toBe(reason);
    }
  });
});
