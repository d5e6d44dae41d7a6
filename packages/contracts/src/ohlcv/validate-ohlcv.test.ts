import { isDataContractError, type DataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { validFrame } from "./__fixtures__/frames";
import { validateOhlcv } from "./validate-ohlcv";

const catchError = (fn: () => unknown): DataContractError => {
  try {
    fn();
  } catch (e) {
    if (isDataContractError(e)) return e;
    throw e;
  }
  throw new Error("expected a DataContractError");
};

describe("validateOhlcv", () => {
  it("returns the passing report for valid data", () => {
    expect(validateOhlcv(validFrame())).toEqual({
      ok: true,
      rows: 3,
      violations: [],
      timestampUnit: "ms",
    });
  });

  it("throws one DataContractError carrying every violation", () => {
    const f = validFrame();
    f.close[1] = Number.NaN;
    f.volume[2] = -5;
    f.timestamp[0] = "2024-01-01 00:00:00";
    const e = catchError(() => validateOhlcv(f));
    expect(e.code).toBe("DATA_CONTRACT");
    expect(e.message).toContain("3 violations");
    expect(e.message).toContain("nan in close (1 row, first at 1)");
    const violations = e.context.violations as { rule: string }[];
    expect(violations.map((v) => v.rule)).toEqual(["naive_timestamp", "nan", "negative_volume"]);
    expect(e.context.rows).toBe(3);
    expect(e.hint).toContain("requireTz: false");
  });

  it("has a hint and a readable toString for a single violation", () => {
    const f = validFrame();
    f.high[1] = 1;
    const e = catchError(() => validateOhlcv(f));
    expect(e.message).toContain("1 violation:");
    expect(e.toString()).toContain("Hint: Check the data source");
  });
});
