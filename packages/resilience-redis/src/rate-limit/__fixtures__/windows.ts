/** An admission in a fleet log: client time (ms) and weight. */
export interface Admission {
  readonly t: number;
  readonly w: number;
}

/** The heaviest half-open window (t - intervalMs, t] over the union of `admissions`. */
export const heaviestWindow = (admissions: readonly Admission[], intervalMs: number): number => {
  const sorted = [...admissions].sort((a, b) => a.t - b.t);
  let heaviest = 0;
  let sum = 0;
  let tail = 0;
  for (const a of sorted) {
    sum += a.w;
    while (sorted[tail]!.t <= a.t - intervalMs) sum -= sorted[tail++]!.w;
    heaviest = Math.max(heaviest, sum);
  }
  return heaviest;
};
