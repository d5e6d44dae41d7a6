import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../ohlcv/check-ohlcv";
import { parseOhlcvCsv } from "../csv/parse-ohlcv-csv";
import { checkEpochUnit, epochToMs, inferEpochUnit } from "./epoch-unit";

const T0 = Date.UTC(2024, 0, 1);
const frame = (timestamp: unknown[]) => ({
  timestamp,
  ...Object.fromEntries(
    ["open", "high", "low", "close", "volume"].map((c) => [c, timestamp.map(() => 1)]),
  ),
});
const csv = (stamps: string[]) =>
  ["timestamp,open,high,low,close,volume", ...stamps.map((s) => `${s},1,2,1,1,5`)].join("\n");

describe("epoch units", () => {
  it.each([
    ["s", T0 / 1000],
    ["ms", T0],
    ["us", T0 * 1000],
    ["ns", BigInt(T0) * 1_000_000n],
  ] as const)("infers %s from the magnitudes and reports it", (unit, t0) => {
    const stamps = [0, 1, 2].map((i) =>
      typeof t0 === "bigint" ? t0 + BigInt(i) * 1_000_000_000n : t0 + i,
    );
    const report = checkOhlcv(frame(stamps));
    expect(report).toMatchObject({ ok: true, timestampUnit: unit });
  });

  it("never reads epoch seconds as 1970 milliseconds, in tables or CSV", () => {
    const t = parseOhlcvCsv(csv(["1704067200", "1704070800"]));
    expect(t.column("timestamp")).toEqual(Float64Array.of(T0, T0 + 3_600_000));
    expect(checkOhlcv(t).timestampUnit).toBe("s");
  });

  it("reports values that fit no unit, or another unit than the column's, as invalid", () => {
    const report = checkOhlcv(frame([T0, T0 / 1000 + 60, 0.25, T0 + 120_000, 12345]));
    expect(report.violations).toMatchObject([{ rule: "invalid_timestamp", rows: [1, 2, 4] }]);
    expect(report.timestampUnit).toBe("ms");
    const fromCsv = checkOhlcv(parseOhlcvCsv(csv([`${T0}`, `${T0 / 1000 + 60}`, "0.25"])));
    expect(fromCsv.violations).toMatchObject([{ rule: "invalid_timestamp", rows: [1, 2] }]);
  });

  it("keeps sub-unit fractions of seconds and ms, refuses fractional us and ns", () => {
    expect(epochToMs(1704067200.5, "s", true)).toBe(T0 + 500);
    expect(epochToMs(T0 + 0.25, "ms", true)).toBe(T0 + 0.25);
    expect(epochToMs(T0 * 1000 + 0.5, "us", true)).toBeNaN();
    expect(epochToMs(1.5, "ms", true)).toBeNaN();
  });

  it("takes every value in the Date range for a given unit", () => {
    const report = checkOhlcv(frame([-86_400, 0, 86_400]), { epochUnit: "s" });
    expect(report).toMatchObject({ ok: true, timestampUnit: "s" });
    expect(parseOhlcvCsv(csv(["-86400"]), { epochUnit: "s" }).column("timestamp")).toEqual(
      Float64Array.of(-86_400_000),
    );
  });

  it("infers by majority from a sample", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i === 0 ? 1.7e9 : T0 + i));
    expect(inferEpochUnit(values)).toBe("ms");
    expect(inferEpochUnit([1, 2, 3])).toBeUndefined();
  });

  it("rejects an unknown epochUnit with a suggestion", () => {
    try {
      checkEpochUnit("sec");
    } catch (e) {
      expect(isConfigError(e)).toBe(true);
      return;
    }
    throw new Error("expected a ConfigError");
  });
});
