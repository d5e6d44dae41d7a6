// Telling tables from raw data by shape, and picking a cache format from the file extension.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@peak/errors";
import { isTable, resolveFormat, type CacheFormat } from "./table-types";

describe("isTable", () => {
  it("is true for an arquero table and anything with both of its methods", () => {
    expect(isTable(aq.table({ a: [1] }))).toBe(true);
    expect(isTable({ columnNames: () => [], numRows: () => 0 })).toBe(true);
  });

  it("is false for raw data, null, and objects missing either method", () => {
    const fn = () => 0;
    const values: unknown[] = [
      null,
      undefined,
      "text",
      Uint8Array.of(1),
      () => 0,
      { columnNames: fn },
      { numRows: fn },
      { columnNames: [], numRows: fn },
      { columnNames: fn, numRows: 0 },
    ];
    values.forEach((value, i) => expect(isTable(value), `value ${i}`).toBe(false));
  });
});

describe("resolveFormat", () => {
  it("returns an explicit format as it is, whatever the extension", () => {
    for (const format of ["parquet", "arrow", "bytes"] as const) {
      expect(resolveFormat("x.csv", format)).toBe(format);
    }
  });

  it("refuses an unknown format, naming it and the path", () => {
    let caught: unknown;
    try {
      resolveFormat("bars.csv", "csv" as CacheFormat);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught).toMatchObject({
      message: 'Unknown cache format "csv"',
      hint: 'Use "auto", "parquet", "arrow" or "bytes"',
      context: { path: "bars.csv", format: "csv" },
    });
  });

  it("picks by extension, ignoring case, when auto or not given", () => {
    const cases: Array<[string, string]> = [
      ["a/bars.parquet", "parquet"],
      ["BARS.PARQUET", "parquet"],
      ["bars.arrow", "arrow"],
      ["bars.Arrow", "arrow"],
      ["bars.feather", "arrow"],
      ["bars.FEATHER", "arrow"],
      ["bars.csv", "bytes"],
      ["bars", "bytes"],
      ["parquet", "bytes"],
      ["bars.parquet.bak", "bytes"],
      ["a.arrow/bars", "bytes"],
    ];
    for (const [path, format] of cases) {
      expect(resolveFormat(path), path).toBe(format);
      expect(resolveFormat(path, "auto"), path).toBe(format);
    }
  });
});
