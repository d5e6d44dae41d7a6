// Test fixture (not exported): one valid step with round numbers, and the breaches of a run.
import { createInvariantChecker } from "../checker/checker";
import type { InvariantCheckerOptions } from "../checker/options";
import type { BacktestStep, Fill, PartialStep } from "../step/step";

export const T = Date.UTC(2024, 0, 1);

/** A valid step at `T + index`: 2 BTC marked at 100, cash 1000 (equity 1200), a bar of [90, 110]. */
export const roundStep = (index: number, edit: Partial<BacktestStep> = {}): BacktestStep => ({
  index,
  timestamp: T + index,
  bar: { open: 100, high: 110, low: 90, close: 100, volume: 1 },
  cash: 1000,
  positions: { BTC: 2 },
  prices: { BTC: 100 },
  equity: 1200,
  fills: [],
  dataTimestamp: T + index,
  ...edit,
});

/** A buy fill at `T` of one unit at `price` without fee, with `edit` applied. */
export const roundFill = (price: number, edit: Partial<Fill> = {}): Fill => ({
  timestamp: T,
  side: "buy",
  quantity: 1,
  price,
  fee: 0,
  ...edit,
});

/** The violations invariant `name` finds in `steps` (collect mode), without the invariant name. */
export const breaches = (
  name: string,
  steps: PartialStep[],
  options: InvariantCheckerOptions = {},
) => {
  const checker = createInvariantChecker({ invariants: [name], strictness: "collect", ...options });
  steps.forEach((s) => checker.check(s));
  return checker.report().violations.map(({ invariant: _i, ...v }) => v);
};
