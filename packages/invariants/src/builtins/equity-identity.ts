import { defineInvariant } from "../invariant/invariant";
import { sameAmount } from "./money";

/** `equity_identity`: equity = cash + Σ position × price, within the money tolerance. */
export const equityIdentity = defineInvariant({
  name: "equity_identity",
  description: "equity = cash + sum(position * price), within the money tolerance",
  requires: ["cash", "positions", "prices", "equity"],
  create:
    ({ money }) =>
    (step) => {
      let expected = step.cash;
      for (const symbol in step.positions) {
        const quantity = step.positions[symbol]!;
        if (quantity === 0) continue;
        const price = step.prices[symbol];
        if (price === undefined) {
          const message = `no price for ${symbol}, so the position ${quantity} cannot be valued`;
          return { expected: `a price for ${symbol}`, actual: undefined, message };
        }
        expected += quantity * price;
      }
      if (sameAmount(expected, step.equity, money)) return undefined;
      const message = `equity ${step.equity} differs from cash + positions ${expected} by ${step.equity - expected}`;
      return { expected, actual: step.equity, message };
    },
});
