const MAX_MS = 8.64e15;

/**
 * The combined hard-rule test of one complete row, `prev` the stamp before it: 1 when the row
 * breaks no rule (sorted, in range, positive, inside high/low, finite), else 0. Branch-free:
 * `&` of the comparisons as 0/1 is ~30% faster than a chain of `&&` in the row loops.
 */
export const cleanRow = (
  t: number,
  prev: number,
  o: number,
  h: number,
  l: number,
  c: number,
  v: number,
): number =>
  +(t > prev) &
  +(t <= MAX_MS) &
  +(l > 0) &
  +(h >= l) &
  +(h < Infinity) &
  +(o >= l) &
  +(o <= h) &
  +(c >= l) &
  +(c <= h) &
  +(v >= 0) &
  +(v < Infinity);
