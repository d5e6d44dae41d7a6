import { defineInvariant } from "../invariant/invariant";

/** `non_negative_fees`: the step's fees and every fill's fee are >= 0. */
export const nonNegativeFees = defineInvariant({
  name: "non_negative_fees",
  description: "fees (per step and per fill) are never negative",
  requires: ["fills"],
  create: () => (step) => {
    if (step.fees !== undefined && !(step.fees >= 0)) {
      return { expected: ">= 0", actual: step.fees, message: `step fees are ${step.fees}` };
    }
    for (let i = 0; i < step.fills.length; i++) {
      const fee = step.fills[i]!.fee;
      if (!(fee >= 0))
        return { expected: ">= 0", actual: fee, message: `fill ${i} has fee ${fee}` };
    }
    return undefined;
  },
});
