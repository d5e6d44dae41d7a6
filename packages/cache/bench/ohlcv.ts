import * as aq from "arquero";

// Real-looking 1-minute bars: a seeded log-normal random walk, so every round gets fresh data.
export const ohlcv = (rows: number, seed: number) => {
  let state = seed * 2654435761 + 1;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
  const normal = () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
  const close = new Float64Array(rows);
  for (let i = 0, p = 100; i < rows; i += 1) close[i] = p *= Math.exp(normal() * 0.001);
  const spread = close.map((c) => Math.abs(normal()) * 0.002 * c);
  const start = Date.UTC(2020, 0, 1) + seed * 60_000;
  return aq.table({
    timestamp: Float64Array.from({ length: rows }, (_, i) => start + i * 60_000),
    open: close.map((c) => c * (1 + normal() * 0.0005)),
    high: close.map((c, i) => c + spread[i]!),
    low: close.map((c, i) => c - spread[i]!),
    close,
    volume: Float64Array.from({ length: rows }, () => Math.round(Math.exp(7 + normal()))),
  });
};
