/** How the delay grows between attempts. */
export type BackoffKind = "exponential" | "constant";

/**
 * Randomisation of the delay (AWS "Exponential Backoff And Jitter"): `none`; `full` =
 * uniform(0, d); `equal` = d/2 + uniform(0, d/2); `decorrelated` = min(max, uniform(base,
 * previous × 3)), which grows on its own and ignores `backoff`.
 */
export type JitterKind = "none" | "full" | "equal" | "decorrelated";

/** Inputs of {@link backoffDelay}. */
export interface BackoffSettings {
  readonly backoff: BackoffKind;
  readonly jitter: JitterKind;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Returns a number in [0, 1). */
  readonly random: () => number;
}

// 2^64 × any finite base stays finite; beyond that the cap applies anyway.
const MAX_EXPONENT = 64;

/**
 * The delay before retry number `retry` (1 = the wait after the first attempt), capped by
 * `maxDelayMs` in every mode. Always a finite number in [0, maxDelayMs], even after
 * millions of attempts.
 * @param previousMs - the previous delay (for decorrelated jitter; pass `baseDelayMs` first)
 */
export const backoffDelay = (s: BackoffSettings, retry: number, previousMs: number): number => {
  const r = unit(s.random());
  const base = Math.min(s.baseDelayMs, s.maxDelayMs);
  if (s.jitter === "decorrelated") {
    const upper = Math.max(base, Math.min(s.maxDelayMs, previousMs) * 3);
    return finite(Math.min(s.maxDelayMs, base + r * (upper - base)), s.maxDelayMs);
  }
  const exponent = Math.min(Math.max(retry - 1, 0), MAX_EXPONENT);
  const raw = s.backoff === "exponential" ? s.baseDelayMs * 2 ** exponent : s.baseDelayMs;
  const capped = Math.min(s.maxDelayMs, raw);
  switch (s.jitter) {
    case "none":
      return finite(capped, s.maxDelayMs);
    case "full":
      return finite(r * capped, s.maxDelayMs);
    case "equal":
      return finite(capped / 2 + (r * capped) / 2, s.maxDelayMs);
  }
};

// Stryker disable next-line EqualityOperator: at 0 and at 1 both branches give the same value; backoff-edges.test.ts pins 1, 1.5, -1 and NaN
const unit = (value: number): number => (value >= 0 && value < 1 ? value : value >= 1 ? 1 : 0);

// Final guard: rounding (e.g. with subnormal inputs) must never leave [0, max].
const finite = (value: number, max: number): number =>
  Number.isFinite(value) && value >= 0 ? Math.min(value, max) : max;
