import { describe, expect, it } from "vitest";
import { timestampMarkOf } from "../time/timestamp-marks";
import { resolveCsvOptions, type OhlcvCsvOptions } from "./csv-options";
import { TimestampColumnBuilder } from "./timestamp-builder";

const T0 = Date.UTC(2024, 0, 1);

// Feeds each cell as `text[start, end)` of a padded line, as the reader does.
const build = (cells: (string | number)[], options: OhlcvCsvOptions = {}) => {
  const builder = new TimestampColumnBuilder(resolveCsvOptions(options));
  for (const cell of cells) {
    if (typeof cell === "number") builder.pushValue(cell);
    else builder.push(`,${cell},`, 1, cell.length + 1);
  }
  return { builder, column: builder.finish() };
};

describe("TimestampColumnBuilder", () => {
  it("turns zoned stamps into ms at once and stays a Float64Array", () => {
    const { builder, column } = build(["2024-01-01T00:00Z", "2024-01-01T01:00+01:00"]);
    expect(column).toEqual(Float64Array.of(T0, T0));
    expect(builder.length).toBe(2);
    expect(builder.numeric).toBe(false);
    expect(builder.unit).toBeUndefined();
    expect(timestampMarkOf(column)).toEqual({ unit: undefined });
  });

  it("keeps naive, empty and unreadable cells as text or null under requireTz", () => {
    const { column } = build(["2024-01-01 00:00", "", "   ", "soon", "2024-01-01T00:00Z"]);
    expect(column).toEqual(["2024-01-01 00:00", null, null, "soon", T0]);
  });

  it("reads naive stamps as UTC without requireTz, and in the zone when given", () => {
    expect(build(["2024-01-01 00:00"], { requireTz: false }).column).toEqual(Float64Array.of(T0));
    const ny = build(["2024-01-01 00:00"], { timezone: "America/New_York" }).column;
    expect(ny).toEqual(Float64Array.of(T0 + 5 * 3_600_000));
    const gap = build(["2024-03-10 02:30"], { timezone: "America/New_York" }).column;
    expect(gap).toEqual(["2024-03-10 02:30"]);
  });

  it("reads a repeated wall time as the later instant after the earlier one", () => {
    const cells = ["2024-11-03 01:30", "2024-11-03 01:30"];
    const { column } = build(cells, { timezone: "America/New_York" });
    expect(column).toEqual(
      Float64Array.of(Date.UTC(2024, 10, 3, 5, 30), Date.UTC(2024, 10, 3, 6, 30)),
    );
  });

  it("reads a padded stamp after trimming it", () => {
    expect(build([" 2024-01-01T00:00Z "]).column).toEqual(Float64Array.of(T0));
    expect(build([" 2024-01-01 00:00 "]).column).toEqual(["2024-01-01 00:00"]);
  });

  it("converts epoch numbers once the unit is known, keeping misfits as text", () => {
    const s = build(["1704067200", 1704070800, "2024-01-01T02:00Z"]);
    expect(s.column).toEqual(Float64Array.of(T0, T0 + 3_600_000, T0 + 7_200_000));
    expect(s.builder.unit).toBe("s");
    expect(timestampMarkOf(s.column)).toEqual({ unit: "s" });
    const mixed = build(["1704067200000", "1704067200", "1.5e12"]);
    expect(mixed.column).toEqual([T0, "1704067200", 1.5e12]);
    expect(build(["12", "7"]).column).toEqual(["12", "7"]);
    expect(build(["1704067200"], { epochUnit: "ms" }).column).toEqual(Float64Array.of(1704067200));
    expect(build(["inf"]).column).toEqual(["inf"]);
  });

  it("grows past its first 1,024 rows without losing any", () => {
    const cells = Array.from({ length: 2500 }, (_, i) => (i % 2 ? T0 + i : `${T0 + i}`));
    const { column } = build(cells);
    expect(column).toEqual(Float64Array.from({ length: 2500 }, (_, i) => T0 + i));
  });
});
