import { describe, expect, it } from "vitest";
import { parseOhlcvCsv } from "../../csv/parse-ohlcv-csv";
import { HOUR, T0, typedFrame, validFrame } from "../__fixtures__/frames";
import { checkOhlcv } from "../check-ohlcv";
import type { OhlcvCheckOptions } from "../types";

const S0 = T0 / 1000; // T0 in epoch seconds

// Each violation as rule, column and rows.
const found = (table: object, options?: OhlcvCheckOptions) =>
  checkOhlcv(table, options).violations.map((v) => [v.rule, v.column, v.rows]);

const withStamps = (timestamp: unknown[]) => ({ ...validFrame(timestamp.length), timestamp });

describe("reading the timestamp column", () => {
  it("reads digit text with spaces, a sign or a fraction as epoch numbers of one unit", () => {
    const t = withStamps([`${S0}`, ` ${S0 + 3600} `, `+${S0 + 7200}`, `${S0 + 10_800}.5`]);
    expect(checkOhlcv(t)).toMatchObject({ ok: true, timestampUnit: "s" });
  });

  it("reads date-only and zoned ISO text as text, not as epoch digits", () => {
    const t = withStamps(["2024-01-01", "2024-01-01T01:00:00Z", "2024-01-01T03:00:00+01:00"]);
    const report = checkOhlcv(t, { requireTz: false });
    expect(report).toMatchObject({ ok: true });
    expect(report).not.toHaveProperty("timestampUnit");
  });

  it("infers the unit from the epoch cells only, leaving Date cells as instants", () => {
    const t = withStamps([new Date(T0), S0 + 3600, new Date(T0 + 2 * HOUR), S0 + 3 * 3600]);
    expect(checkOhlcv(t)).toMatchObject({ ok: true, timestampUnit: "s" });
  });

  it("reports every epoch cell as invalid when no cell fits a unit", () => {
    expect(found(withStamps([5, 6, 7]))).toEqual([["invalid_timestamp", "timestamp", [0, 1, 2]]]);
    expect(checkOhlcv(withStamps([5, 6, 7]))).not.toHaveProperty("timestampUnit");
  });

  it("reports a Float64Array stamp outside the ms window under auto, outside the Date range in ms", () => {
    const f = typedFrame(4);
    f.timestamp![3] = 2e13;
    expect(found(f)).toEqual([["invalid_timestamp", "timestamp", [3]]]);
    f.timestamp![3] = 8.64e15 + 1;
    expect(found(f, { epochUnit: "ms" })).toEqual([["invalid_timestamp", "timestamp", [3]]]);
    f.timestamp![3] = 8.64e15;
    expect(found(f, { epochUnit: "ms" })).toEqual([]);
  });

  it("converts a Float64Array in another unit, and an integer typed array in ms", () => {
    const f = typedFrame(3);
    const s = { ...f, timestamp: f.timestamp!.map((t) => t / 1000) };
    expect(checkOhlcv(s)).toMatchObject({ ok: true, timestampUnit: "s" });
    const ints = { ...f, timestamp: Int32Array.from([S0, S0 + 3600, S0 + 7200]) };
    expect(checkOhlcv(ints)).toMatchObject({ ok: true, timestampUnit: "s" });
  });

  it("reads a parsed CSV's stamps as they were read, digit text that fitted no unit as invalid", () => {
    const rows = [`${S0}`, `${S0 + 3600}`, "5", "2024-01-01T03:00:00Z", "never"];
    const csv = ["timestamp,open,high,low,close,volume"];
    for (const r of rows) csv.push(`${r},100,105,99,103,10`);
    const table = parseOhlcvCsv(csv.join("\n"));
    const report = checkOhlcv(table);
    expect(report.timestampUnit).toBe("s");
    expect(report.violations.map((v) => [v.rule, v.rows])).toEqual([["invalid_timestamp", [2, 4]]]);
  });

  it("marks zone-less text naive under requireTz, reads it in `timezone` when given", () => {
    const t = withStamps(["2024-01-01T00:00:00", "2024-01-01T01:00:00Z", "2024-01-01T02:00:00"]);
    expect(found(t)).toEqual([["naive_timestamp", "timestamp", [0, 2]]]);
    expect(found(t, { requireTz: false })).toEqual([]);
    // In Berlin (UTC+1) the first stamp is 23:00Z the day before, the last 01:00Z: a repeat.
    expect(found(t, { timezone: "Europe/Berlin" })).toEqual([
      ["duplicate_timestamps", "timestamp", [2]],
    ]);
  });

  it("reads the repeated hour of a zone's clock change in order, after the stamp before it", () => {
    // Berlin 2024-10-27: 02:30 happens twice (CEST, then CET); the second reading is the later.
    const t = withStamps([
      "2024-10-27T02:00:00+02:00",
      "2024-10-27T02:30:00",
      "2024-10-27T02:10:00+01:00",
      "2024-10-27T02:30:00",
    ]);
    expect(found(t, { timezone: "Europe/Berlin" })).toEqual([]);
  });
});
