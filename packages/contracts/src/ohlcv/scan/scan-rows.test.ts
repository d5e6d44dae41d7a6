import { describe, expect, it } from "vitest";
import { HOUR, T0, typedFrame, validFrame } from "../__fixtures__/frames";
import { checkOhlcv } from "../check-ohlcv";
import type { OhlcvCheckOptions } from "../types";

const MAX_MS = 8.64e15;

// Each violation as rule, column, count and rows.
const found = (table: object, options?: OhlcvCheckOptions) =>
  checkOhlcv(table, options).violations.map((v) => [v.rule, v.column ?? "", v.count, v.rows]);

describe("the row scan", () => {
  it.each([false, true])(
    "accepts the first and last stamps of the Date range (typed columns: %s)",
    (typed) => {
      const f = typed ? typedFrame(5) : validFrame(5);
      f.timestamp[0] = -MAX_MS;
      f.timestamp[4] = MAX_MS;
      expect(found(f, { epochUnit: "ms" })).toEqual([]);
      expect(found(f, { epochUnit: "ms", strict: false })).toEqual([]);
    },
  );

  it("accepts the first stamp of the Date range on the per-row path of an incomplete table", () => {
    const f = validFrame(3);
    f.timestamp[0] = -MAX_MS;
    delete (f as Partial<typeof f>).volume;
    expect(found(f, { epochUnit: "ms" })).toEqual([["missing_column", "volume", 1, []]]);
  });

  it("judges the order of the stamps on the per-row path of an incomplete table", () => {
    const f = validFrame(4);
    f.timestamp[2] = f.timestamp[1];
    f.timestamp[3] = T0 + HOUR / 2;
    delete (f as Partial<typeof f>).open;
    expect(found(f)).toEqual([
      ["missing_column", "open", 1, []],
      ["unsorted_timestamps", "timestamp", 1, [3]],
      ["duplicate_timestamps", "timestamp", 1, [2]],
    ]);
  });

  it("checks only the timestamps when not strict, each invalid one once", () => {
    const f = validFrame(4);
    f.timestamp[1] = "not a time";
    f.timestamp[3] = T0; // backwards: not judged without strict
    f.open[2] = -1;
    f.volume[0] = Number.NaN;
    expect(found(f, { strict: false })).toEqual([["invalid_timestamp", "timestamp", 1, [1]]]);
    const { timestamp: _dropped, ...rest } = f;
    expect(found(rest, { strict: false })).toEqual([["missing_column", "timestamp", 1, []]]);
  });

  it.each([1, 2, 3, 4, 5, 7, 8, 9])(
    "finds a repeated stamp and a bad value at every position of %i rows",
    (rows) => {
      for (let bad = 0; bad < rows; bad++) {
        const f = typedFrame(rows);
        f.volume![bad] = -1;
        const repeat = bad > 0 ? [["duplicate_timestamps", "timestamp", 1, [bad]]] : [];
        if (bad > 0) f.timestamp![bad] = f.timestamp![bad - 1]!;
        expect(found(f)).toEqual([...repeat, ["negative_volume", "volume", 1, [bad]]]);
      }
    },
  );

  it("compares the row after a block with the block's last stamp", () => {
    const f = typedFrame(8);
    f.timestamp![4] = f.timestamp![3]!;
    expect(found(f)).toEqual([["duplicate_timestamps", "timestamp", 1, [4]]]);
    const g = typedFrame(8);
    g.timestamp![4] = T0 + 2.5 * HOUR; // after rows 0-2, before row 3
    expect(found(g)).toEqual([["unsorted_timestamps", "timestamp", 1, [4]]]);
  });

  it("compares the row after a failing block with that block's last valid stamp", () => {
    const f = typedFrame(8);
    f.high![1] = 1; // row 1 fails: the block goes through the per-row checks
    f.timestamp![3] = Number.NaN;
    f.timestamp![4] = f.timestamp![2]!;
    expect(found(f)).toEqual([
      ["invalid_timestamp", "timestamp", 1, [3]],
      ["duplicate_timestamps", "timestamp", 1, [4]],
      ["high_below_low", "", 1, [1]],
    ]);
  });
});
