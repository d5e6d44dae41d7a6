import * as aq from "arquero";
import type { ColumnTable } from "arquero";

/** A small deterministic OHLCV table: epoch-ms UTC `timestamp`, float prices, `version` marker. */
export const ohlcvTable = (rows: number, version = 0): ColumnTable => {
  const start = Date.UTC(2024, 0, 1);
  const timestamp = Float64Array.from({ length: rows }, (_, i) => start + i * 60_000);
  const close = Float64Array.from({ length: rows }, (_, i) => 100 + version + Math.sin(i) * 2);
  return aq.table({
    timestamp,
    open: close.map((c) => c - 0.25),
    high: close.map((c) => c + 1),
    low: close.map((c) => c - 1),
    close,
    volume: Float64Array.from({ length: rows }, (_, i) => 1000 + i * 10 + version),
  });
};
