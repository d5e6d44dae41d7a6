import { defineInvariant } from "../invariant/invariant";

/** `non_negative_cash`: cash never drops below zero (within the money tolerance) unless margin is allowed. */
export const nonNegativeCash = defineInvariant({
  name: "non_negative_cash",
  description: "cash stays >= 0 unless margin is allowed",
  requires: ["cash"],
  create: ({ allowMargin, money }) => {
    if (allowMargin) return { unavailable: "allowMargin is true" };
    return (step) =>
      step.cash >= -money
        ? undefined
        : { expected: ">= 0", actual: step.cash, message: `cash is ${step.cash}, below zero` };
  },
});
