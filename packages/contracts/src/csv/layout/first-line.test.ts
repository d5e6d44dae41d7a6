import { isDataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "../__fixtures__/thrown";
import { type OhlcvCsvOptions, resolveCsvOptions } from "../csv-options";
import { readFirstLine } from "./first-line";

const read = (line: string, options: OhlcvCsvOptions = {}, lineNo = 1) =>
  readFirstLine(line, lineNo, resolveCsvOptions(options));

describe("readFirstLine", () => {
  it("sniffs the delimiter under auto and keeps a given one", () => {
    expect(read("a;b;c")).toEqual({ delimiter: ";", names: ["a", "b", "c"], headerless: false });
    expect(read("a,b;c", { delimiter: ";" })).toEqual({
      delimiter: ";",
      names: ["a,b", "c"],
      headerless: false,
    });
  });

  it("refuses a line with more fields than maxColumns, and accepts exactly maxColumns", () => {
    expect(read("a,b", { maxColumns: 2 }).names).toEqual(["a", "b"]);
    const e = thrown(() => read("a,b,c", { maxColumns: 2 }, 3));
    expect(isDataContractError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "CSV line 3 has 3 fields, more than maxColumns (2)",
      hint: "Check the delimiter, or raise maxColumns to at least 3 if the file really is that wide",
      context: { line: 3, fields: 3, maxColumns: 2 },
    });
  });

  it("counts the fields of the chosen delimiter only", () => {
    expect(read("a;b;c;d", { delimiter: ";", maxColumns: 4 }).names).toHaveLength(4);
    expect(thrown(() => read("a;b;c;d", { delimiter: ";", maxColumns: 3 }))).toMatchObject({
      context: { fields: 4 },
    });
  });

  it.each([
    ["1704067200000,1,2,1,1,5", true],
    [" 12.5 ,1,2,1,1,5", true],
    ["2024-01-01T00:00Z,1,2,1,1,5", true],
    ["timestamp,open,high,low,close,volume", false],
    ["Infinity,open,high,low,close,volume", false],
    [",open,high,low,close,volume", false],
  ])("under header auto, %j is data: %s", (line, headerless) => {
    const layout = read(line, { layout: "ccxt" });
    expect(layout.headerless).toBe(headerless);
    if (headerless) expect(layout.names[0]).toBe("timestamp");
  });

  it("reads the first line as header under header true and as data under header false", () => {
    expect(read("1704067200000,5").names).toEqual(["1704067200000", "5"]);
    expect(read("a,b", { header: false })).toEqual({
      delimiter: ",",
      names: ["timestamp", "open"],
      headerless: true,
    });
  });

  it("says a header that looks like data is likely no header", () => {
    const e = thrown(() => read("5,5", {}, 2));
    expect(isDataContractError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "CSV header repeats the column '5' (line 2 looks like data, not a header)",
      hint: 'The file has no header: pass header: false, or layout: "binance-klines" / "ccxt"',
      context: { column: "5", positions: [0, 1], line: 2 },
    });
  });

  it("passes other header errors on unchanged", () => {
    const e = thrown(() => read("a,a", {}, 2));
    expect(e).toMatchObject({ message: "CSV header repeats the column 'a'" });
    expect((e as { context: object }).context).not.toHaveProperty("line");
    const headerless = thrown(() => read("1,2", { header: false, columns: { open: "9" } }));
    expect(headerless).toMatchObject({
      message: `CSV has no column '9' for open (columns.open = "9")`,
    });
  });
});
