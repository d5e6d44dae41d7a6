import { createHash } from "node:crypto";
import type { Rng } from "@peak/repro";

/** OHLCV columns as typed arrays; `timestamp` holds epoch milliseconds (UTC instants). */
export interface Bars {
  timestamp: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** The column order used for digests and comparisons. */
export const BAR_COLUMNS = ["timestamp", "open", "high", "low", "close", "volume"] as const;

const START_MS = Date.UTC(2024, 0, 1);
const STEP_MS = 60_000;

/** One-minute bars from a seeded geometric random walk: same seed, same bars. */
export function generateBars(rows: number, rng: Rng): Bars {
  const bars: Bars = {
    timestamp: new Float64Array(rows),
    open: new Float64Array(rows),
    high: new Float64Array(rows),
    low: new Float64Array(rows),
    close: new Float64Array(rows),
    volume: new Float64Array(rows),
  };
  let price = 100;
  for (let i = 0; i < rows; i++) {
    const open = price;
    const close = open * Math.exp(rng.normal(0, 0.001));
    bars.timestamp[i] = START_MS + i * STEP_MS;
    bars.open[i] = open;
    bars.close[i] = close;
    bars.high[i] = Math.max(open, close) * (1 + Math.abs(rng.normal(0, 0.0005)));
    bars.low[i] = Math.min(open, close) * (1 - Math.abs(rng.normal(0, 0.0005)));
    bars.volume[i] = Math.round(rng.next() * 1_000_000) / 100;
    price = close;
  }
  return bars;
}

/** SHA-256 over every column's float64 bytes, in {@link BAR_COLUMNS} order. */
export function digestColumns(columns: Record<string, ArrayLike<unknown>>): string {
  const hash = createHash("sha256");
  for (const name of BAR_COLUMNS) {
    const values = columns[name];
    const array =
      values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest("hex");
}
