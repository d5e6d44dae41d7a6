import type { BarColumns } from "../scan-bars";

/** Float64Array OHLCV columns for quality tests. */
export interface Series extends BarColumns {
  timestamp: Float64Array;
}

/** `n` rows of zeros in every column. */
export const emptySeries = (n: number): Series => {
  const names = ["timestamp", "open", "high", "low", "close", "volume"];
  return Object.fromEntries(names.map((k) => [k, new Float64Array(n)])) as unknown as Series;
};

export const MINUTE = 60_000;
export const DAY = 86_400_000;
/** 2024-01-01T00:00:00Z, a Monday. */
export const T0 = Date.UTC(2024, 0, 1);

/** A clean series on the given stamps: small wiggles (< 1%), varying non-zero volume. */
export const seriesAt = (stamps: readonly number[]): Series => {
  const n = stamps.length;
  const s = emptySeries(n);
  s.timestamp.set(stamps);
  for (let i = 0; i < n; i++) setBar(s, i, 100 + Math.sin(i) * 0.5, 1000 + ((i * 37) % 500));
  return s;
};

/** `n` clean bars every `intervalMs` from {@link T0}. */
export const regularSeries = (n: number, intervalMs = MINUTE): Series =>
  seriesAt(Array.from({ length: n }, (_, i) => T0 + i * intervalMs));

/** Sets row `i` to a bar around `close` (open a bit below, high/low around both). */
export const setBar = (s: Series, i: number, close: number, volume?: number): void => {
  s.open[i] = close * 0.999;
  s.close[i] = close;
  s.high[i] = close * 1.002;
  s.low[i] = close * 0.997;
  if (volume !== undefined) s.volume[i] = volume;
};

/** Weekday (UTC Mon–Fri) daily stamps from `from` (inclusive) for `days` calendar days, minus `closed`. */
export const weekdayDays = (
  from: number,
  days: number,
  closed: readonly number[] = [],
): number[] => {
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const t = from + d * DAY;
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6 && !closed.includes(t)) out.push(t);
  }
  return out;
};
