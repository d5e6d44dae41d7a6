// Writes the hand-made samples of real layouts (Yahoo, Binance klines in ms and µs, CCXT) next
// to the tool fixtures: `node scripts/make-fixtures.mjs`. Values are small and deterministic.
import { mkdirSync, writeFileSync } from "node:fs";

const out = new URL("../src/csv/__fixtures__/tools/", import.meta.url);
mkdirSync(out, { recursive: true });
const T0 = Date.UTC(2024, 0, 2);
const H = 3_600_000;
const bars = Array.from({ length: 24 }, (_, i) => {
  const open = 42000 + 25 * i;
  return {
    t: T0 + i * H,
    open,
    high: open + 60,
    low: open - 40,
    close: open + 20,
    volume: 100 + i,
  };
});
const write = (name, lines) => writeFileSync(new URL(name, out), `${lines.join("\n")}\n`);

// Yahoo Finance daily download: trading days without zone, Adj Close beside Close.
write("yahoo.csv", [
  "Date,Open,High,Low,Close,Adj Close,Volume",
  ...bars.slice(0, 10).map((b, i) => {
    const day = new Date(T0 + i * 86_400_000).toISOString().slice(0, 10);
    return [day, b.open, b.high, b.low, b.close, (b.close * 0.99).toFixed(2), b.volume * 1000].join(
      ",",
    );
  }),
]);
// Binance data dumps: 12 columns, no header; open_time/close_time in ms (µs for 2025+ spot).
const kline = (b, scale) =>
  [
    b.t * scale,
    b.open,
    b.high,
    b.low,
    b.close,
    b.volume,
    (b.t + H - 1) * scale,
    b.volume * b.close,
    50,
    b.volume / 2,
    (b.volume * b.close) / 2,
    0,
  ].join(",");
write(
  "binance-klines-ms.csv",
  bars.map((b) => kline(b, 1)),
);
write(
  "binance-klines-us.csv",
  bars.map((b) => kline(b, 1000)),
);
// CCXT fetchOHLCV rows, as JSON and as a headerless CSV.
const candles = bars.map((b) => [b.t, b.open, b.high, b.low, b.close, b.volume]);
writeFileSync(new URL("ccxt-candles.json", out), `${JSON.stringify(candles)}\n`);
write(
  "ccxt.csv",
  candles.map((c) => c.join(",")),
);
// Epoch seconds and a semicolon file written by hand.
write("epoch-seconds.csv", [
  "timestamp,open,high,low,close,volume",
  ...bars.map((b) => [b.t / 1000, b.open, b.high, b.low, b.close, b.volume].join(",")),
]);
write("semicolon.csv", [
  "timestamp;open;high;low;close;volume",
  ...bars.map((b) =>
    [new Date(b.t).toISOString(), b.open, b.high, b.low, b.close, b.volume].join(";"),
  ),
]);
