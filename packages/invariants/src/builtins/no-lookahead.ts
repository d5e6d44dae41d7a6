import { defineInvariant } from "../invariant/invariant";
import { iso } from "./money";

/** `no_lookahead`: a decision never uses data stamped after the step's time. */
export const noLookahead = defineInvariant({
  name: "no_lookahead",
  description:
    "the decision used no data stamped after the step's time (dataTimestamp <= timestamp)",
  requires: ["timestamp", "dataTimestamp"],
  create: () => (step) =>
    step.dataTimestamp <= step.timestamp
      ? undefined
      : {
          expected: `<= ${step.timestamp}`,
          actual: step.dataTimestamp,
          message: `the decision used data stamped ${iso(step.dataTimestamp)}, after the step's time ${iso(step.timestamp)}`,
        },
});
