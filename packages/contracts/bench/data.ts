// Synthetic OHLCV data for the benchmark: deterministic, no Math.random.

/** Plain Float64Array columns of a clean minute-bar series. */
export interface Columns {
  timestamp: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export const T0 = Date.UTC(2020, 0, 1);

export const cleanColumns = (n: number): Columns => {
  const c: Columns = {
    timestamp: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const low = 100 + (seed % 1000) / 100;
    c.timestamp[i] = T0 + i * 60_000;
    c.low[i] = low;
    c.high[i] = low + 2 + (seed % 7) / 10;
    c.open[i] = low + 0.5;
    c.close[i] = low + 1.5;
    c.volume[i] = 1000 + (seed % 5000);
  }
  return c;
};

/** Injects one defect into every 100th row (1%), rotating over six kinds. */
export const injectDefects = (c: Columns): number => {
  let count = 0;
  for (let i = 50; i < c.low.length; i += 100, count++) {
    switch (count % 6) {
      case 0:
        c.close[i] = Number.NaN;
        break;
      case 1:
        c.low[i] = -1;
        break;
      case 2:
        c.high[i] = (c.low[i] as number) - 1;
        break;
      case 3:
        c.volume[i] = -5;
        break;
      case 4:
        c.open[i] = (c.high[i] as number) + 1;
        break;
      default:
        c.timestamp[i] = c.timestamp[i - 1] as number;
        break;
    }
  }
  return count;
};

/** The columns as CSV text with ISO-8601 UTC timestamps. */
export const toCsv = (c: Columns): string => {
  const lines = ["timestamp,open,high,low,close,volume"];
  for (let i = 0; i < c.open.length; i++) {
    const ts = new Date(c.timestamp[i] as number).toISOString();
    lines.push(`${ts},${c.open[i]},${c.high[i]},${c.low[i]},${c.close[i]},${c.volume[i]}`);
  }
  return lines.join("\n") + "\n";
};
