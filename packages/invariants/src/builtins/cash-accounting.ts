import { defineInvariant, type StepCheck } from "../invariant/invariant";
import type { Fill } from "../step/step";
import { sameAmount } from "./money";

/** Cash a step's fills move: sells add, buys spend, `fees` (default: the fills' fees) come off. */
const cashFlow = (fills: readonly Fill[], fees: number | undefined): number => {
  let flow = 0;
  let fillFees = 0;
  for (const fill of fills) {
    const notional = fill.quantity * fill.price;
    flow += fill.side === "sell" ? notional : -notional;
    fillFees += fill.fee;
  }
  return flow - (fees ?? fillFees);
};

/** `cash_accounting`: cash changes from one step to the next exactly by its fills and fees. */
export const cashAccounting = defineInvariant({
  name: "cash_accounting",
  description:
    "cash changes between steps exactly by the fills and fees (within the money tolerance)",
  requires: ["cash", "fills"],
  create: ({ money }) => {
    let previous: number | undefined;
    const check: StepCheck = (step) => {
      const before = previous;
      previous = step.cash;
      if (before === undefined) return undefined;
      const expected = before + cashFlow(step.fills, step.fees);
      if (sameAmount(expected, step.cash, money)) return undefined;
      const message = `cash went from ${before} to ${step.cash}; fills and fees explain ${expected}`;
      return { expected, actual: step.cash, message };
    };
    // A step without cash or fills breaks the chain: compare again from the next full step.
    check.onSkip = () => (previous = undefined);
    return check;
  },
});
