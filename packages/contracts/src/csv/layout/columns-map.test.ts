import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "../__fixtures__/thrown";
import { checkColumnsMap } from "./columns-map";

describe("checkColumnsMap", () => {
  it("returns an empty map for no option and trims the names", () => {
    expect(checkColumnsMap(undefined)).toEqual({});
    expect(checkColumnsMap({ timestamp: " Date ", volume: "Vol" })).toEqual({
      timestamp: "Date",
      volume: "Vol",
    });
  });

  it.each([
    [null, "object"],
    [["Date"], "object"],
    ["Date", "string"],
    [3, "number"],
  ])("refuses %j, which is not an object", (value, received) => {
    const e = thrown(() => checkColumnsMap(value));
    expect(isConfigError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "Expected CSV option `columns` to be an object",
      hint: 'Pass e.g. columns: { timestamp: "Date", volume: "Volume" }',
      context: { option: "columns", received },
    });
  });

  it("lists our names for an unknown key with no near match", () => {
    const e = thrown(() => checkColumnsMap({ zzzzzzzzzz: "x" }));
    expect(isConfigError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "Unknown column `zzzzzzzzzz` in CSV option `columns`",
      hint: "The keys are our names: timestamp, open, high, low, close, volume",
      context: { option: "columns", key: "zzzzzzzzzz" },
    });
  });

  it("accepts every one of our six names as a key", () => {
    const all = { timestamp: "t", open: "o", high: "h", low: "l", close: "c", volume: "v" };
    expect(checkColumnsMap(all)).toEqual(all);
  });

  it.each([
    [5, "5"],
    ["   ", "   "],
    ["", ""],
  ])("refuses the value %j, which names no column", (value, received) => {
    const e = thrown(() => checkColumnsMap({ open: value }));
    expect(isConfigError(e)).toBe(true);
    expect(e).toMatchObject({
      message: "Expected `columns.open` to name a column of the file",
      hint: `Pass the file's header name, e.g. columns: { open: "OPEN" }`,
      context: { option: "columns", key: "open", received },
    });
  });
});
