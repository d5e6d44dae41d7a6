import { priceJumpRule } from "./rules/price-jump";
import type { ResolvedQuality } from "./resolve-quality";
import { stalePriceRule } from "./rules/stale-price";
import type { WarningCollector } from "./warning-collector";
import { zeroVolumeRule } from "./rules/zero-volume";

/** The five value columns as float64 (every one present). */
export interface BarColumns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/**
 * One pass over the values for `stale_price`, `zero_volume` and `price_jump`: per row a
 * branch-free "same bar as before" test, a zero test and one relative-move compare; the
 * rules are called only when a run ends or a close moved beyond the threshold.
 */
export const scanBars = (cols: BarColumns, q: ResolvedQuality, out: WarningCollector): void => {
  const { open: O, high: H, low: L, close: C, volume: V } = cols;
  const n = C.length;
  // Stryker disable next-line ConditionalExpression: a fast path; without rows the loop never runs and no run is open (V[0] is undefined, not 0)
  if (n === 0) return;
  const stale = stalePriceRule(q, out);
  const zero = zeroVolumeRule(q, "volume", out);
  const jump = priceJumpRule(q, C, "close", out);
  const threshold = q.rules.has("price_jump") ? q.jumpThreshold : Infinity;
  let po = O[0] as number;
  let ph = H[0] as number;
  let pl = L[0] as number;
  let pc = C[0] as number;
  let pv = V[0] as number;
  let staleStart = -1;
  // Stryker disable next-line UnaryOperator: a run opened at row 1 after a row 0 with volume is the real one (row 1 at 0) or ends at once with length 0, below zeroVolumeBars (at least 1)
  let zeroStart = pv === 0 ? 0 : -1;
  let nextJump = 1;
  // Stryker disable next-line EqualityOperator: row n reads undefined, which ends an open run at n as the code after the loop does, and moves no close
  for (let i = 1; i < n; i++) {
    const o = O[i] as number;
    const h = H[i] as number;
    const l = L[i] as number;
    const c = C[i] as number;
    const v = V[i] as number;
    // Stryker disable next-line UnaryOperator: -(true) is -1, and -1 & 1 is 1 (and -0 is 0), so `same` is unchanged
    const same = +(o === po) & +(h === ph) & +(l === pl) & +(c === pc) & (+(v === 0) | +(v === pv));
    if (same === 1) {
      if (staleStart < 0) staleStart = i - 1;
    } else if (staleStart >= 0) {
      stale(staleStart, i);
      staleStart = -1;
    }
    if (v === 0) {
      if (zeroStart < 0) zeroStart = i;
    } else if (zeroStart >= 0) {
      zero(zeroStart, i);
      zeroStart = -1;
    }
    if (Math.abs(c - pc) > threshold * pc && i >= nextJump) nextJump = jump(i);
    po = o;
    ph = h;
    pl = l;
    pc = c;
    pv = v;
  }
  if (staleStart >= 0) stale(staleStart, n);
  if (zeroStart >= 0) zero(zeroStart, n);
};
