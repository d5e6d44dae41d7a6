import { describe, expect, it } from "vitest";
import { HOUR, T0, validFrame, without } from "../__fixtures__/frames";
import { checkOhlcv } from "../check-ohlcv";

// Rows per rule, and the column each rule named (the scan's findings, order aside).
const rowsByRule = (table: object) =>
  Object.fromEntries(
    checkOhlcv(table).violations.map((v) => [`${v.rule}:${v.column ?? ""}`, v.rows]),
  );

describe("row scan", () => {
  it("reports the later copies of the smallest repeated stamp, and no repeat of invalid stamps", () => {
    const f = validFrame(6);
    // Unsorted, T0 (the smallest stamp) at rows 1 and 3, two stamps that read as NaN.
    f.timestamp = [T0 + 2 * HOUR, T0, T0 + HOUR, T0, null, "not a time"];
    expect(rowsByRule(f)).toEqual({
      "invalid_timestamp:timestamp": [4, 5],
      "unsorted_timestamps:timestamp": [1, 3],
      "duplicate_timestamps:timestamp": [3],
    });
  });

  it("reads BigInt cells and BigInt typed-array value columns as numbers", () => {
    const f = validFrame(5);
    const plain = { ...f, volume: (f.volume as number[]).map((v) => BigInt(v)) };
    expect(checkOhlcv(plain).violations).toEqual([]);
    const typed = {
      ...f,
      open: BigUint64Array.from((f.open as number[]).map((v) => BigInt(v))),
      volume: BigInt64Array.from((f.volume as number[]).map((v) => BigInt(v))),
    };
    expect(checkOhlcv(typed).violations).toEqual([]);
    typed.volume[2] = -5n;
    expect(rowsByRule(typed)).toEqual({ "negative_volume:volume": [2] });
  });

  it("allows zero volume on the per-row path, which an incomplete table takes for every row", () => {
    const f = validFrame(5);
    f.volume[1] = 0;
    f.volume[3] = 0;
    expect(rowsByRule(without(f, "timestamp"))).toEqual({ "missing_column:timestamp": [] });
  });

  it.each(["high", "low"])("checks every other rule of a row when %s is missing", (name) => {
    const f = validFrame(5);
    f.open[2] = -1;
    f.volume[4] = -1;
    expect(rowsByRule(without(f, name))).toEqual({
      [`missing_column:${name}`]: [],
      "non_positive_price:open": [2],
      "negative_volume:volume": [4],
    });
  });
});
