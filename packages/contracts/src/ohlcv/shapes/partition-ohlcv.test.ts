import { describe, expect, it } from "vitest";
import { timestampMarkOf } from "../../time/timestamp-marks";
import { checkOhlcv } from "../check-ohlcv";
import { partitionOhlcv } from "./partition-ohlcv";

const T0 = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const bar = (t: number, volume = 1) => ({ t, o: 10, h: 11, l: 9, c: 10, v: volume });

// A column table of bars (prices as Float64Array, volume as a plain array) and a text column.
const tableOf = (bars: ReturnType<typeof bar>[], ts: (t: number) => unknown = (t) => t) => ({
  timestamp: bars.map((b) => ts(b.t)),
  open: Float64Array.from(bars, (b) => b.o),
  high: Float64Array.from(bars, (b) => b.h),
  low: Float64Array.from(bars, (b) => b.l),
  close: Float64Array.from(bars, (b) => b.c),
  volume: bars.map((b) => b.v),
  note: bars.map((_, i) => `n${i}`),
});

const columns = (table: ReturnType<typeof partitionOhlcv>["valid"]) =>
  Object.fromEntries(table.columnNames().map((n) => [n, table.column(n)]));

describe("partitionOhlcv", () => {
  it("drops broken rows and rows not after the last kept stamp, keeping the rest in order", () => {
    // Row 2 breaks no rule (it is after row 1) but is not after row 0, the last kept.
    const bars = [bar(T0 + 2 * H), bar(T0), bar(T0 + H), bar(T0 + 3 * H), bar(T0 + 4 * H, -1)];
    bars.push(bar(T0 + 5 * H));
    const { report, invalidRows, valid } = partitionOhlcv(tableOf(bars));
    expect(report.violations.map((v) => [v.rule, v.rows])).toEqual([
      ["unsorted_timestamps", [1]],
      ["negative_volume", [4]],
    ]);
    expect(invalidRows).toEqual([1, 2, 4]);
    expect(report).toEqual(checkOhlcv(tableOf(bars)));
    expect(columns(valid)).toEqual({
      timestamp: Float64Array.of(T0 + 2 * H, T0 + 3 * H, T0 + 5 * H),
      open: Float64Array.of(10, 10, 10),
      high: Float64Array.of(11, 11, 11),
      low: Float64Array.of(9, 9, 9),
      close: Float64Array.of(10, 10, 10),
      volume: [1, 1, 1],
      note: ["n0", "n3", "n5"],
    });
    expect(checkOhlcv(valid).ok).toBe(true);
  });

  it("gives the timestamps in epoch ms, marked with the unit they were in", () => {
    const bars = [bar(T0), bar(T0 + H), bar(T0 + 2 * H)];
    const seconds = partitionOhlcv(tableOf(bars, (t) => t / 1000)).valid.column("timestamp");
    expect(seconds).toEqual(Float64Array.of(T0, T0 + H, T0 + 2 * H));
    expect(timestampMarkOf(seconds)).toEqual({ unit: "s" });
    const iso = partitionOhlcv(tableOf(bars, (t) => new Date(t).toISOString())).valid;
    expect(iso.column("timestamp")).toEqual(Float64Array.of(T0, T0 + H, T0 + 2 * H));
    expect(timestampMarkOf(iso.column("timestamp"))).toEqual({ unit: undefined });
  });

  it("reads the stamps of a renamed timestamp column and leaves others as they are", () => {
    const bars = [bar(T0 + H), bar(T0)];
    const { timestamp, ...rest } = tableOf(bars, (t) => t / 1000);
    const got = partitionOhlcv(
      { time: timestamp, ...rest, timestamp: [1, 2] },
      { timestampColumn: "time" },
    );
    expect(got.invalidRows).toEqual([1]);
    expect(columns(got.valid)).toMatchObject({ time: Float64Array.of(T0 + H), timestamp: [1] });
    expect(timestampMarkOf(got.valid.column("time"))).toEqual({ unit: "s" });
    expect(timestampMarkOf(got.valid.column("timestamp"))).toBeUndefined();
  });

  it("keeps no row when a required column is missing", () => {
    const { volume: _, ...noVolume } = tableOf([bar(T0), bar(T0 + H)]);
    const got = partitionOhlcv(noVolume);
    expect(got.invalidRows).toEqual([0, 1]);
    expect(got.valid.numRows()).toBe(0);
    expect(got.valid.columnNames()).toEqual(["timestamp", "open", "high", "low", "close", "note"]);
  });
});
