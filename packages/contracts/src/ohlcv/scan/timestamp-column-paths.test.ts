import { describe, expect, it } from "vitest";
import { parseOhlcvCsv } from "../../csv/parse-ohlcv-csv";
import type { EpochUnitOption } from "../../time/epoch-unit";
import { markTimestampColumn } from "../../time/timestamp-marks";
import { ViolationCollector } from "../violations/violation-collector";
import { isValidMs, toTimestampColumn } from "./timestamp-column";

// The column reader on its own: which input it returns as it is (no copy of a 10M-row column),
// which it converts, and what each cell becomes. checkOhlcv's own row checks would hide most of
// this (an out-of-range stamp left in place is still reported by them).
const T0 = Date.UTC(2024, 0, 1);
const MAX_MS = 8.64e15;

const read = (
  data: ArrayLike<unknown>,
  epochUnit: EpochUnitOption = "auto",
  timezone?: string,
  collector = new ViolationCollector(),
) => toTimestampColumn(data, "timestamp", { requireTz: true, epochUnit, timezone }, collector);

describe("toTimestampColumn: typed arrays", () => {
  it("returns a Float64Array of ms as it is, also at the edges of the auto window", () => {
    for (const edge of [1e11, 1e13 - 1]) {
      const data = Float64Array.from([T0, edge, T0 + 1]);
      expect(read(data)).toEqual({ ms: data, unit: "ms" });
      expect(read(data).ms).toBe(data);
    }
  });

  it("copies a Float64Array under auto when a stamp leaves the ms window, that stamp NaN", () => {
    for (const outside of [1e11 - 1, 1e13]) {
      const data = Float64Array.from([T0, T0 + 1, outside]);
      const { ms, unit } = read(data);
      expect(ms).not.toBe(data);
      expect([unit, ms[0], ms[1], ms[2]]).toEqual(["ms", T0, T0 + 1, NaN]);
      expect(data[2]).toBe(outside);
    }
  });

  it("returns epochUnit ms as it is, whatever the magnitudes, up to the Date range", () => {
    for (const data of [
      Float64Array.from([1.7e9, 1.7e9 + 1]), // would infer as seconds
      Float64Array.from([1e13, MAX_MS, -MAX_MS]), // outside the auto window
    ]) {
      expect(read(data, "ms").ms).toBe(data);
      expect(read(data, "ms").unit).toBe("ms");
    }
  });

  it("copies under epochUnit ms when a stamp leaves the Date range, that stamp NaN", () => {
    for (const outside of [MAX_MS + 1, -MAX_MS - 1, NaN]) {
      const data = Float64Array.from([T0, outside]);
      const { ms } = read(data, "ms");
      expect(ms).not.toBe(data);
      expect([...ms]).toEqual([T0, NaN]);
    }
  });

  it("converts a Float64Array in another unit into a new ms array", () => {
    const seconds = Float64Array.from([T0 / 1000, T0 / 1000 + 60]);
    for (const unit of ["auto", "s"] as const) {
      const { ms, unit: found } = read(seconds, unit);
      expect([found, ...ms]).toEqual(["s", T0, T0 + 60_000]);
      expect(seconds[0]).toBe(T0 / 1000);
    }
  });

  it("always gives a Float64Array, also for an integer array already in ms", () => {
    const ints = Int32Array.from([1_000, 2_000]);
    const { ms, unit } = read(ints, "ms");
    expect(ms).toBeInstanceOf(Float64Array);
    expect([unit, ...ms]).toEqual(["ms", 1_000, 2_000]);
  });
});

describe("toTimestampColumn: marked columns", () => {
  it("returns a column this package's CSV reader made as it is", () => {
    const csv = `timestamp,open,high,low,close,volume\n${T0 / 1000},1,1,1,1,1\n`;
    const column = parseOhlcvCsv(csv).column("timestamp") as unknown as ArrayLike<unknown>;
    expect(read(column)).toEqual({ ms: column, unit: "s" });
    expect(read(column).ms).toBe(column);
  });

  it("takes the numbers of any marked array as ms, without inferring a unit again", () => {
    const ints = Int32Array.from([1_000, 2_000]);
    markTimestampColumn(ints, undefined);
    const { ms, unit } = read(ints);
    expect([unit, ...ms]).toEqual([undefined, 1_000, 2_000]);
  });
});

describe("toTimestampColumn: cells", () => {
  it("reads no epoch from a cell that is not a number, bigint or string", () => {
    const { ms } = read([T0, null, T0 + 2, undefined, true, {}], "ms");
    expect([...ms]).toEqual([T0, NaN, T0 + 2, NaN, NaN, NaN]);
  });

  it("reads epoch text with a fraction of several digits", () => {
    const { ms, unit } = read([`${T0 / 1000}.25`, `${T0 / 1000 + 60}.125`]);
    expect([unit, ...ms]).toEqual(["s", T0 + 250, T0 + 60_125]);
  });

  it("reads a repeated hour first as the earlier instant, after an invalid row as later than the last valid", () => {
    const zone = "Europe/Berlin"; // 2024-10-27 02:00-03:00 happens twice
    const first = read(["2024-10-27T02:30:00"], "auto", zone);
    expect(first.ms[0]).toBe(Date.UTC(2024, 9, 27, 0, 30));
    const column = ["2024-10-27T02:50:00+02:00", "never", "2024-10-27T02:30:00"];
    const { ms } = read(column, "auto", zone);
    expect([...ms]).toEqual([Date.UTC(2024, 9, 27, 0, 50), NaN, Date.UTC(2024, 9, 27, 1, 30)]);
  });
});

describe("isValidMs", () => {
  it("holds within the Date range, edges included, and not beyond or for NaN", () => {
    expect([MAX_MS, -MAX_MS, 0].map(isValidMs)).toEqual([true, true, true]);
    expect([MAX_MS + 1, -MAX_MS - 1, NaN].map(isValidMs)).toEqual([false, false, false]);
  });
});
