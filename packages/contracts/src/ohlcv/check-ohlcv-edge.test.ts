import * as aq from "arquero";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { validFrame, without } from "./__fixtures__/frames";
import { checkOhlcv } from "./check-ohlcv";

describe("checkOhlcv edge cases", () => {
  it("reports an empty table as having no numeric values", () => {
    const report = checkOhlcv(
      aq.table({ timestamp: [], open: [], high: [], low: [], close: [], volume: [] }),
    );
    expect(report).toMatchObject({ ok: false, rows: 0 });
    expect(report.violations).toMatchObject([{ rule: "not_numeric", count: 1, rows: [] }]);
    expect(report.violations[0]?.message).toContain("no rows");
  });

  it("reports a table without any column as six missing columns", () => {
    const report = checkOhlcv(aq.table({}));
    expect(report.violations.map((v) => v.column)).toEqual([
      "timestamp",
      "open",
      "high",
      "low",
      "close",
      "volume",
      undefined,
    ]);
  });

  it("reports a missing timestamp column and still checks the values", () => {
    const f = validFrame();
    f.low[2] = -3;
    const rules = checkOhlcv(without(f, "timestamp")).violations.map((v) => v.rule);
    expect(rules).toEqual(["missing_column", "non_positive_price"]);
  });

  it("reports each bad cell of a mixed-type column", () => {
    const f = validFrame(5);
    f.open = [100, "101", { x: 1 }, new Date(0), 104];
    const v = checkOhlcv(f).violations;
    expect(v).toMatchObject([{ rule: "not_numeric", column: "open", count: 2, rows: [2, 3] }]);
  });

  it("reports a missing value in the middle of a column", () => {
    const f = validFrame(5);
    f.high = [105, 106, , 108, 109]; // eslint-disable-line no-sparse-arrays
    f.timestamp[3] = null;
    const v = checkOhlcv(f).violations.map((x) => [x.rule, x.column, x.rows]);
    expect(v).toEqual([
      ["invalid_timestamp", "timestamp", [3]],
      ["nan", "high", [2]],
    ]);
  });

  it("judges a filtered and ordered arquero table in view order", () => {
    const f = validFrame(6);
    f.volume[1] = -1;
    const t = aq
      .table(f)
      .filter((d: { volume: number }) => d.volume >= 0)
      .orderby(aq.desc("timestamp"));
    const report = checkOhlcv(t);
    expect(report.rows).toBe(5);
    expect(report.violations.map((v) => [v.rule, v.rows])).toEqual([
      ["unsorted_timestamps", [1, 2, 3, 4]],
    ]);
  });

  it("judges a table read back from Arrow IPC, with numbers or Dates as timestamps", () => {
    const ipc = aq.toArrowIPC(aq.table(validFrame(4)));
    expect(checkOhlcv(aq.fromArrow(ipc)).ok).toBe(true);
    const dated = { ...validFrame(2), timestamp: [new Date(1000), new Date(500)] };
    const back = aq.fromArrow(aq.toArrowIPC(aq.table(dated)));
    expect(checkOhlcv(back).violations).toMatchObject([{ rule: "unsorted_timestamps", rows: [1] }]);
  });

  it("accepts integer typed arrays and BigInt64 timestamps", () => {
    const f = validFrame();
    const cols = {
      ...f,
      volume: Int32Array.from(f.volume as number[]),
      timestamp: BigInt64Array.from((f.timestamp as number[]).map(BigInt)),
    };
    expect(checkOhlcv(cols).ok).toBe(true);
  });

  it("throws ConfigError for bad arguments", () => {
    const errors = [
      () => checkOhlcv(null as unknown as object),
      () => checkOhlcv([1, 2] as unknown as object),
      () => checkOhlcv({ open: [1], high: [1, 2] }),
      () => checkOhlcv({ open: 5 } as unknown as object),
      () => checkOhlcv(validFrame(), { strcit: true } as object),
      () => checkOhlcv(validFrame(), { strict: "yes" } as unknown as object),
      () => checkOhlcv(validFrame(), { timestampColumn: " " }),
    ].map((fn) => {
      try {
        fn();
        return undefined;
      } catch (e) {
        return e;
      }
    });
    for (const e of errors) {
      expect(isConfigError(e)).toBe(true);
      expect((e as { hint?: string }).hint).toBeTruthy();
    }
  });
});
