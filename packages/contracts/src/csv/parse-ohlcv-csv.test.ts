import { isConfigError, isDataContractError } from "@peak/errors";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../ohlcv/check-ohlcv";
import { thrown } from "./__fixtures__/thrown";
import { createOhlcvCsvParser } from "./ohlcv-csv-parser";
import { parseOhlcvCsv, parseOhlcvCsvStream } from "./parse-ohlcv-csv";

const HEADER = "timestamp,open,high,low,close,volume";
const T0 = Date.UTC(2024, 0, 1);
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const GOOD = csv(
  "2024-01-01T00:00:00Z,100,105,99,103,1000",
  "1704070800000,101,106,100,104,1100",
  "2024-01-01T03:00:00+01:00,102,107,101,105,1200.5",
);

describe("parseOhlcvCsv", () => {
  it("reads zoned ISO and epoch-ms stamps into Float64Array columns", () => {
    const t = parseOhlcvCsv(GOOD);
    expect(t.columnNames()).toEqual(["timestamp", "open", "high", "low", "close", "volume"]);
    expect(t.column("timestamp")).toEqual(Float64Array.of(T0, T0 + 3600e3, T0 + 7200e3));
    expect(t.column("volume")).toEqual(Float64Array.of(1000, 1100, 1200.5));
    expect(checkOhlcv(t).ok).toBe(true);
  });

  it("keeps naive stamps as text so the contract reports them", () => {
    const t = parseOhlcvCsv(csv("2024-01-01 00:00:00,1,2,1,1,1", "2024-01-01T01:00:00Z,1,2,1,1,1"));
    expect(t.column("timestamp")).toEqual(["2024-01-01 00:00:00", T0 + 3600e3]);
    expect(checkOhlcv(t).violations).toMatchObject([{ rule: "naive_timestamp", rows: [0] }]);
  });

  it("reads naive stamps as UTC with requireTz false", () => {
    const t = parseOhlcvCsv(csv("2024-01-01 00:00:00,1,2,1,1,1"), { requireTz: false });
    expect(t.column("timestamp")).toEqual(Float64Array.of(T0));
    expect(checkOhlcv(t, { requireTz: false }).ok).toBe(true);
  });

  it("keeps bad cells detectable with their row", () => {
    const t = parseOhlcvCsv(
      csv("2024-01-01T00:00Z,1,2,1,1,1", "yesterday,1,abc,1,1,", "2024-01-01T02:00Z,1,2,1,1"),
    );
    expect(t.column("high")).toEqual([2, "abc", 2]);
    const got = checkOhlcv(t).violations.map((v) => [v.rule, v.column, v.rows]);
    expect(got).toEqual([
      ["invalid_timestamp", "timestamp", [1]],
      ["not_numeric", "high", [1]],
      ["nan", "volume", [1, 2]],
    ]);
  });

  it("handles CRLF, blank lines, quotes, a BOM, extra columns and no final newline", () => {
    const text =
      '\uFEFFtimestamp,open,high,low,close,volume,"sym"\r\n\r\n' +
      '2024-01-01T00:00:00Z,"1",2,1,1.5,10,"A,B"\r\n2024-01-01T01:00:00Z,1,2,1,1.5,10,C';
    const t = parseOhlcvCsv(text);
    expect(t.numRows()).toBe(2);
    expect(t.column("sym")).toEqual(["A,B", "C"]);
    expect(checkOhlcv(t).ok).toBe(true);
  });

  it("returns empty tables for empty text and a header alone", () => {
    expect(parseOhlcvCsv("").columnNames()).toEqual([]);
    const t = parseOhlcvCsv(HEADER);
    expect(t.numRows()).toBe(0);
    expect(checkOhlcv(t).violations.map((v) => v.rule)).toEqual(["not_numeric"]);
  });

  it("gives the same table however the text is chunked", async () => {
    const bytes = new TextEncoder().encode(GOOD + "2024-01-01T04:00Z,1,2,1,1,5");
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 50), bytes.subarray(50)];
    const source = (async function* () {
      yield* chunks;
    })();
    const streamed = await parseOhlcvCsvStream(source);
    const whole = parseOhlcvCsv(new TextDecoder().decode(bytes));
    expect(streamed.objects()).toEqual(whole.objects());
    expect(streamed.numRows()).toBe(4);
  });

  it("throws DataContractError for too many fields and a repeated header", () => {
    const long = thrown(() => parseOhlcvCsv(csv("2024-01-01T00:00Z,1,2,1,1,1,9")));
    expect(isDataContractError(long)).toBe(true);
    expect((long as Error).message).toContain("line 2 has 7 fields");
    expect(isDataContractError(thrown(() => parseOhlcvCsv("a,b,a\n1,2,3")))).toBe(true);
  });

  it("throws ConfigError for bad options", () => {
    expect(isConfigError(thrown(() => parseOhlcvCsv(GOOD, { delimiter: ";;" })))).toBe(true);
    expect(isConfigError(thrown(() => parseOhlcvCsv(GOOD, { tz: 1 } as object)))).toBe(true);
  });
});

test.prop([fc.uniqueArray(fc.integer({ min: 1, max: GOOD.length - 1 }), { maxLength: 8 })])(
  "parses the same table for any chunk boundaries",
  (cuts) => {
    const parser = createOhlcvCsvParser();
    let last = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      parser.push(GOOD.slice(last, cut));
      last = cut;
    }
    parser.push(GOOD.slice(last));
    expect(parser.finish().objects()).toEqual(parseOhlcvCsv(GOOD).objects());
  },
);
