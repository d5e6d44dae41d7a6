// The pandas key/value metadata written with a Parquet table, checked field by field against
// what pyarrow records (pandas-interop.test.ts reads real files back with pandas).
import { describe, expect, it } from "vitest";
import { pandasMetadata } from "./pandas-metadata";

type Type = { typeId: number; bitWidth?: number; timezone?: string | null; signed?: boolean };
const schema = (...fields: [name: string, type: Type][]) => ({
  schema: { fields: fields.map(([name, type]) => ({ name, type })) },
});
const UTC = { typeId: 10, timezone: "UTC" };
const column = (name: string, pandas: string, numpy: string, metadata: unknown = null) => ({
  name,
  field_name: name,
  pandas_type: pandas,
  numpy_type: numpy,
  metadata,
});

describe("pandasMetadata", () => {
  it("is undefined without a zoned timestamp index column", () => {
    expect(pandasMetadata(schema(["close", { typeId: 3 }]))).toBeUndefined();
    expect(pandasMetadata(schema(["timestamp", { typeId: 2 }]))).toBeUndefined();
    expect(pandasMetadata(schema(["timestamp", { typeId: 2, timezone: "UTC" }]))).toBeUndefined();
    expect(pandasMetadata(schema(["timestamp", { typeId: 10, timezone: null }]))).toBeUndefined();
    expect(pandasMetadata(schema(["timestamp", { typeId: 10, timezone: "" }]))).toBeUndefined();
    expect(pandasMetadata(schema(["time", UTC]))).toBeUndefined();
  });

  it("declares the zoned timestamp the index and maps every column type as pyarrow does", () => {
    const json = pandasMetadata(
      schema(
        ["timestamp", UTC],
        ["naive", { typeId: 10, timezone: null }],
        ["close", { typeId: 3 }],
        ["volume", { typeId: 2, bitWidth: 64, signed: true }],
        ["count", { typeId: 2, bitWidth: 32, signed: false }],
        ["n", { typeId: 2 }],
        ["flag", { typeId: 6 }],
        ["symbol", { typeId: 5 }],
        ["blob", { typeId: 4 }],
      ),
    );
    expect(JSON.parse(json!)).toEqual({
      index_columns: ["timestamp"],
      column_indexes: [
        {
          name: null,
          field_name: null,
          pandas_type: "unicode",
          numpy_type: "object",
          metadata: { encoding: "UTF-8" },
        },
      ],
      columns: [
        column("timestamp", "datetimetz", "datetime64[ns]", { timezone: "UTC" }),
        column("naive", "datetime", "datetime64[ns]"),
        column("close", "float64", "float64"),
        column("volume", "int64", "int64"),
        column("count", "uint32", "uint32"),
        column("n", "int64", "int64"),
        column("flag", "bool", "bool"),
        column("symbol", "unicode", "object"),
        column("blob", "object", "object"),
      ],
      creator: { library: "@peak/cache", version: "0" },
      pandas_version: "2.2.0",
    });
  });

  it("takes another index column by name, and a zone-less timestamp never gets a timezone", () => {
    const json = pandasMetadata(
      schema(["naive", { typeId: 3, timezone: "UTC" }], ["time", UTC]),
      "time",
    );
    const meta = JSON.parse(json!);
    expect(meta.index_columns).toEqual(["time"]);
    expect(meta.columns[0]).toEqual(column("naive", "float64", "float64"));
    expect(meta.columns[1].metadata).toEqual({ timezone: "UTC" });
  });
});
