/** Hand-made OHLCV frames for tests: plain columns, easy to mutate per row. */
export interface TestFrame {
  timestamp: unknown[];
  open: unknown[];
  high: unknown[];
  low: unknown[];
  close: unknown[];
  volume: unknown[];
  [extra: string]: unknown[];
}

/** Epoch ms of 2024-01-01T00:00:00Z. */
export const T0 = Date.UTC(2024, 0, 1);
/** One hour in ms. */
export const HOUR = 3_600_000;

/** The Python fixture: hourly UTC rows, open 100+i, high 105+i, low 99+i, close 103+i. */
export const validFrame = (rows = 3): TestFrame => {
  const frame: TestFrame = { timestamp: [], open: [], high: [], low: [], close: [], volume: [] };
  for (let i = 0; i < rows; i++) {
    frame.timestamp.push(T0 + i * HOUR);
    frame.open.push(100 + i);
    frame.high.push(105 + i);
    frame.low.push(99 + i);
    frame.close.push(103 + i);
    frame.volume.push(1000 + 100 * i);
  }
  return frame;
};

/** The same frame as Float64Array columns (the fast path). */
export const typedFrame = (rows = 3): Record<string, Float64Array> => {
  const frame = validFrame(rows);
  return Object.fromEntries(
    Object.entries(frame).map(([k, v]) => [k, Float64Array.from(v as number[])]),
  );
};

/** Returns a copy of `frame` without the named column. */
export const without = (
  frame: Record<string, unknown[]>,
  column: string,
): Record<string, unknown[]> =>
  Object.fromEntries(Object.entries(frame).filter(([k]) => k !== column));
