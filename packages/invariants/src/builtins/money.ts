// Float rounding in long sums grows with the amounts, so a tiny relative slack joins the absolute one.
const RELATIVE = 1e-9;

/** Whether `actual` equals `expected` within `absolute` (plus a 1e-9 relative slack). */
export const sameAmount = (expected: number, actual: number, absolute: number): boolean =>
  Math.abs(actual - expected) <=
  // Stryker disable next-line MethodExpression: max and min differ by 1e-9 × the gap, below float resolution
  absolute + RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));

/** ISO 8601 text of an epoch-millisecond stamp, or the raw value when it is not a valid time. */
export const iso = (ms: number): string | number =>
  Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : ms;
