import { isDataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "../__fixtures__/thrown";
import { type OhlcvCsvOptions, resolveCsvOptions } from "../csv-options";
import { planColumnNames, positionalNames } from "./header-map";

const plan = (names: string[], options: OhlcvCsvOptions = {}, headerless = false) =>
  planColumnNames(names, resolveCsvOptions(options), headerless);

describe("planColumnNames", () => {
  it("refuses a repeated header name with both positions", () => {
    const e = thrown(() => plan(["a", "b", "a"]));
    expect(isDataContractError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "CSV header repeats the column 'a'",
      hint: "Give every column a unique name, or read the file with header: false",
      context: { column: "a", positions: [0, 2] },
    });
  });

  it("prefers an exact match over a case-insensitive one", () => {
    expect(plan(["date", "Date"], { columns: { timestamp: "Date" } })).toEqual([
      "date",
      "timestamp",
    ]);
    expect(plan(["x", "DATE"], { columns: { timestamp: "date" } })).toEqual(["x", "timestamp"]);
  });

  it("renames to timestampColumn when it is not timestamp", () => {
    expect(
      plan(["Date", "Open"], { timestampColumn: "time", columns: { timestamp: "Date" } }),
    ).toEqual(["time", "open"]);
    expect(plan(["TIME", "b"], { timestampColumn: "time" })).toEqual(["time", "b"]);
  });

  it("maps a position only in a file without header", () => {
    expect(plan(["a", "b", "c"], { columns: { volume: "2" } }, true)).toEqual(["a", "b", "volume"]);
    const thirteen = Array.from({ length: 13 }, (_, i) => `c${i}`);
    expect(plan(thirteen, { columns: { volume: "12" } }, true)[12]).toBe("volume");
    expect(thrown(() => plan(["a", "b", "c"], { columns: { volume: "3" } }, true))).toMatchObject({
      message: `CSV has no column '3' for volume (columns.volume = "3")`,
    });
    expect(thrown(() => plan(["a", "b"], { columns: { volume: "1" } }))).toMatchObject({
      context: { option: "columns", key: "volume", received: "1" },
    });
    expect(thrown(() => plan(["a", "b"], { columns: { volume: "b1" } }, true))).toMatchObject({
      context: { key: "volume" },
    });
  });

  it("lists at most twelve columns when no name is near", () => {
    const names = Array.from({ length: 13 }, (_, i) => `c${i}`);
    const e = thrown(() => plan(names, { columns: { open: "zzzzzzzz" } }));
    expect(e).toMatchObject({
      message: `CSV has no column 'zzzzzzzz' for open (columns.open = "zzzzzzzz")`,
      hint: `Its columns are: ${names.slice(0, 12).join(", ")}`,
      context: { option: "columns", key: "open", received: "zzzzzzzz" },
    });
  });

  it("does not rename a column the columns map claimed", () => {
    expect(plan(["Time", "HIGH"], { columns: { timestamp: "Time", close: "HIGH" } })).toEqual([
      "timestamp",
      "close",
    ]);
  });

  it("refuses a rename that collides with another column", () => {
    const e = thrown(() => plan(["Date", "timestamp"], { columns: { timestamp: "Date" } }));
    expect(isDataContractError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "CSV header repeats the column 'timestamp' after renaming by `columns`",
      hint: "Map each of our names to a different column of the file",
      context: { column: "timestamp", positions: [0, 1] },
    });
  });
});

describe("positionalNames", () => {
  it("uses our names, then column_N, without layout names", () => {
    const names = positionalNames(7, resolveCsvOptions({ header: false }));
    expect(names).toEqual(["timestamp", "open", "high", "low", "close", "volume", "column_6"]);
  });

  it("uses the layout's names, then column_N", () => {
    const names = positionalNames(13, resolveCsvOptions({ layout: "binance-klines" }));
    expect(names.slice(0, 2)).toEqual(["open_time", "open"]);
    expect(names[12]).toBe("column_12");
  });
});
