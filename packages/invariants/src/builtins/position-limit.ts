import { defineInvariant } from "../invariant/invariant";

/** `position_limit`: no absolute position exceeds its limit (one for all symbols, or per symbol). */
export const positionLimit = defineInvariant({
  name: "position_limit",
  description: "every |position| stays within positionLimit",
  requires: ["positions"],
  create: ({ positionLimit: limit }) => {
    if (limit === undefined) return { unavailable: "no positionLimit option was given" };
    const limitOf = typeof limit === "number" ? () => limit : (symbol: string) => limit[symbol];
    return (step) => {
      for (const symbol in step.positions) {
        const max = limitOf(symbol);
        const quantity = step.positions[symbol]!;
        if (max !== undefined && !(Math.abs(quantity) <= max)) {
          return {
            expected: `|${symbol}| <= ${max}`,
            actual: quantity,
            message: `position ${symbol} = ${quantity} exceeds its limit ${max}`,
          };
        }
      }
      return undefined;
    };
  },
});
