import { defineInvariant } from "../invariant/invariant";

/** `fill_within_bar`: every fill price lies in the bar's [low, high], widened by the slippage tolerance. */
export const fillWithinBar = defineInvariant({
  name: "fill_within_bar",
  description: "fill prices lie within the bar's [low, high] (with the slippage tolerance)",
  requires: ["bar", "fills"],
  create:
    ({ slippage }) =>
    (step) => {
      const low = step.bar.low * (1 - slippage);
      const high = step.bar.high * (1 + slippage);
      for (let i = 0; i < step.fills.length; i++) {
        const price = step.fills[i]!.price;
        if (!(price >= low && price <= high)) {
          return {
            expected: [low, high],
            actual: price,
            message: `fill ${i} at price ${price} is outside the bar's range [${low}, ${high}]`,
          };
        }
      }
      return undefined;
    },
});
