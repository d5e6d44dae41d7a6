import * as aq from "arquero";
import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { parseOhlcvCsv } from "../../csv/parse-ohlcv-csv";
import { HOUR, T0, validFrame } from "../__fixtures__/frames";
import { checkOhlcv } from "../check-ohlcv";
import { toTableSource } from "./table-source";

// The error checkOhlcv throws for `input`, or undefined when it throws none.
const refusal = (input: unknown): ConfigError | undefined => {
  try {
    checkOhlcv(input as object);
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
};

const ARQUERO_METHODS = ["columnNames", "column", "numRows", "indices"] as const;

// An arquero-shaped table over plain columns (the structural input checkOhlcv accepts).
const tableLike = (columns: Record<string, unknown>, rows: number) => ({
  columnNames: () => Object.keys(columns),
  column: (name: string) => columns[name],
  numRows: () => rows,
  isFiltered: () => false,
  isOrdered: () => false,
  indices: () => Uint32Array.from({ length: rows }, (_, i) => i),
});

describe("reading the input table", () => {
  it.each([
    [null, "null"],
    [[1, 2], "array"],
    [7, "number"],
    ["text", "string"],
  ])("refuses %j as a table, naming what it got", (input, received) => {
    const e = refusal(input);
    expect(e?.message).toBe("Expected an arquero table or an object of columns");
    expect(e?.hint).toContain("aq.table({...})");
    expect(e?.context).toEqual({ received });
  });

  it.each([
    ["a number", 5, "number"],
    ["a DataView", new DataView(new ArrayBuffer(8)), "object"],
    ["a string", "100,101", "string"],
  ])("refuses a column that is %s", (_what, column, received) => {
    const e = refusal({ ...validFrame(1), open: column });
    expect(e?.message).toBe("Column `open` is not an array or typed array");
    expect(e?.hint).toContain("Pass each column as an array or typed array");
    expect(e?.context).toEqual({ column: "open", received });
  });

  it("refuses columns of different lengths, naming the first one that differs", () => {
    const e = refusal({ timestamp: [T0], open: [1, 2], high: [1, 2, 3] });
    expect(e?.message).toBe("Column `open` has 2 rows, expected 1");
    expect(e?.hint).toBe("Give every column the same number of rows");
    expect(e?.context).toEqual({ column: "open", rows: 2, expected: 1 });
  });

  it("counts an empty first column as a length the others must match", () => {
    const e = refusal({ timestamp: [], open: [100] });
    expect(e?.context).toEqual({ column: "open", rows: 1, expected: 0 });
  });

  it("reads an empty object of columns as a table without rows", () => {
    expect(checkOhlcv({})).toMatchObject({ ok: false, rows: 0 });
  });

  it("gives a column the object lacks as an empty one", () => {
    const src = toTableSource({ open: [1, 2] });
    expect(src).toMatchObject({ rowCount: 2, names: ["open"] });
    expect(src.column("close")).toEqual([]);
  });

  it.each(ARQUERO_METHODS)(
    "reads an object without a %s method as plain columns, not as an arquero table",
    (missing) => {
      const partial: Record<string, unknown> = { ...validFrame(2) };
      for (const name of ARQUERO_METHODS) if (name !== missing) partial[name] = () => [];
      const e = refusal(partial);
      expect(e?.message).toMatch(/^Column `\w+` is not an array or typed array$/);
      expect(e?.context).toMatchObject({ received: "function" });
    },
  );

  it("reads an arquero-shaped object, its Arrow-style vectors through toArray()", () => {
    const f = validFrame(3);
    const vector = (values: unknown[]) => ({ length: values.length, toArray: () => values });
    const cols = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, vector(v)]));
    expect(checkOhlcv(tableLike(cols, 3))).toMatchObject({ ok: true, rows: 3 });
  });

  it("reads a column that is no array, vector or toArray() array as missing at every row", () => {
    const f = validFrame(2);
    const cols = { ...f, open: { toArray: () => "100,101" }, high: { length: 2 }, low: null };
    const report = checkOhlcv(tableLike(cols, 2));
    expect(report.violations.map((v) => [v.rule, v.column, v.rows])).toEqual([
      ["nan", "open", [0, 1]],
      ["nan", "high", [0, 1]],
      ["nan", "low", [0, 1]],
    ]);
  });

  it("judges an ordered table in view order, and a filtered one without the dropped rows", () => {
    const ordered = aq.table(validFrame(4)).orderby(aq.desc("timestamp"));
    expect(checkOhlcv(ordered).violations).toMatchObject([
      { rule: "unsorted_timestamps", rows: [1, 2, 3] },
    ]);
    const f = validFrame(4);
    f.timestamp[2] = T0; // a repeat the filter removes with its row
    f.volume[2] = -1;
    const filtered = aq.table(f).filter((d: { volume: number }) => d.volume >= 0);
    expect(checkOhlcv(filtered)).toMatchObject({ ok: true, rows: 3 });
  });

  it("keeps text stamps as text in a reordered view", () => {
    const f = validFrame(3);
    f.timestamp = f.timestamp.map((t) => new Date(t as number).toISOString());
    const view = aq.table(f).orderby("timestamp");
    const report = checkOhlcv(view);
    expect(report).toMatchObject({ ok: true, rows: 3 });
    expect(report).not.toHaveProperty("timestampUnit");
  });

  it("keeps the epoch unit of a parsed CSV's timestamps through a filter", () => {
    const lines = ["timestamp,open,high,low,close,volume"];
    for (let i = 0; i < 4; i++) lines.push(`${(T0 + i * HOUR) / 1000},100,105,99,103,${i}`);
    const table = parseOhlcvCsv(lines.join("\n"));
    expect(checkOhlcv(table).timestampUnit).toBe("s");
    const view = table.filter((d: { volume: number }) => d.volume > 0);
    expect(checkOhlcv(view)).toMatchObject({ ok: true, rows: 3, timestampUnit: "s" });
  });
});
