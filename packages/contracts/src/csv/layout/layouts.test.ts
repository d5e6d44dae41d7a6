import { isConfigError, isDataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import { thrown } from "../__fixtures__/thrown";
import { parseOhlcvCsv } from "../parse-ohlcv-csv";

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const rules = (text: string, options = {}, check = {}) =>
  checkOhlcv(parseOhlcvCsv(text, options), check).violations.map((v) => v.rule);

describe("CSV layouts", () => {
  it("matches header names case-insensitively", () => {
    const t = parseOhlcvCsv("TIMESTAMP,Open,HIGH,low,Close,Volume\n2024-01-01T00:00Z,1,2,1,1,5\n");
    expect(t.columnNames()).toEqual(["timestamp", "open", "high", "low", "close", "volume"]);
    expect(checkOhlcv(t).ok).toBe(true);
  });

  it("renames the file's columns with the columns map", () => {
    const text = "Time,o,h,l,c,Vol\n2024-01-01T00:00Z,1,2,1,1,5\n";
    const columns = {
      timestamp: "Time",
      open: "o",
      high: "h",
      low: "l",
      close: "c",
      volume: "vol",
    };
    expect(checkOhlcv(parseOhlcvCsv(text, { columns })).ok).toBe(true);
  });

  it("suggests the nearest header name for a columns entry that names none", () => {
    const e = thrown(() => parseOhlcvCsv("Date,open\n", { columns: { timestamp: "Dtae" } }));
    expect(isDataContractError(e)).toBe(true);
    expect((e as { hint: string }).hint).toBe("Did you mean `Date`?");
  });

  it("names a near miss in the missing_column hint", () => {
    const t = parseOhlcvCsv("Date,open,high,low,close,volumes\n2024-01-01T00:00Z,1,2,1,1,5\n");
    const [ts, vol] = checkOhlcv(t).violations;
    expect(ts?.hint).toContain(`columns: { timestamp: "Date" }`);
    expect(vol?.hint).toContain("Did you mean 'volumes'?");
  });

  it.each([
    ["semicolon", ";"],
    ["tab", "\t"],
    ["pipe", "|"],
  ])("sniffs a %s delimiter from the header", (_name, sep) => {
    const text = ["timestamp,open,high,low,close,volume", "2024-01-01T00:00Z,1.5,2,1,1,5"]
      .map((l) => l.replaceAll(",", sep))
      .join("\n");
    const t = parseOhlcvCsv(text);
    expect(t.column("open")).toEqual(Float64Array.of(1.5));
    expect(checkOhlcv(t).ok).toBe(true);
  });

  it("reads a headerless file positionally with header false", () => {
    const t = parseOhlcvCsv("1704067200000,1,2,1,1,5,x\n", { header: false });
    expect(t.columnNames()).toEqual([
      "timestamp",
      "open",
      "high",
      "low",
      "close",
      "volume",
      "column_6",
    ]);
    expect(checkOhlcv(t).ok).toBe(true);
  });

  it("reads a Yahoo download with layout yahoo", () => {
    const text =
      "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,187.15,188.44,183.89,185.64,184.29,82488700\n";
    const t = parseOhlcvCsv(text, { layout: "yahoo" });
    expect(t.column("timestamp")).toEqual(Float64Array.of(Date.UTC(2024, 0, 2)));
    expect(t.column("Adj Close")).toEqual(Float64Array.of(184.29));
    expect(checkOhlcv(t).ok).toBe(true);
  });

  it.each([
    ["ms", 1],
    ["µs", 1000],
  ])("reads a Binance kline dump in %s, with or without header", (_unit, scale) => {
    const rows = [0, 1].map(
      (i) =>
        `${(T0 + i * HOUR) * scale},42283.5,42554.5,42261.0,42475.2,1271.6,${(T0 + i * HOUR + HOUR - 1) * scale},5.3e7,47134,682.5,2.8e7,0`,
    );
    const bare = parseOhlcvCsv(rows.join("\n"), { layout: "binance-klines" });
    expect(bare.column("timestamp")).toEqual(Float64Array.of(T0, T0 + HOUR));
    expect(checkOhlcv(bare)).toMatchObject({ ok: true, timestampUnit: scale === 1 ? "ms" : "us" });
    const header =
      "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";
    const headed = parseOhlcvCsv([header, ...rows].join("\n"), { layout: "binance-klines" });
    expect(headed.objects()).toEqual(bare.objects());
  });

  it("reads CCXT candles written as CSV with layout ccxt", () => {
    const text = `${T0},1,2,1,1,5\n${T0 + HOUR},1,2,1,1,5\n`;
    expect(checkOhlcv(parseOhlcvCsv(text, { layout: "ccxt" })).ok).toBe(true);
  });

  it("says a first line of data is no header when the file lacks one", () => {
    const e = thrown(() => parseOhlcvCsv(`${T0},1,2,1,1,5\n${T0 + HOUR},1,2,1,1,5\n`));
    expect(isDataContractError(e) && e.hint).toContain("header: false");
    expect(rules(`${T0},1.5,2,0.5,1,5\n`)).toContain("missing_column");
  });

  it("rejects unknown layouts and columns keys with a suggestion", () => {
    const layout = thrown(() => parseOhlcvCsv("", { layout: "yahooo" as "yahoo" }));
    expect(isConfigError(layout) && layout.hint).toBe("Did you mean `yahoo`?");
    const key = thrown(() => parseOhlcvCsv("", { columns: { tiemstamp: "t" } as object }));
    expect(isConfigError(key) && key.hint).toBe("Did you mean `timestamp`?");
  });
});
