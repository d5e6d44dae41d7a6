import { defineInvariant } from "../invariant/invariant";
import { iso } from "./money";

/** `monotonic_time`: step times never decrease, and neither do fill times across the run. */
export const monotonicTime = defineInvariant({
  name: "monotonic_time",
  description: "step and fill timestamps never go back in time",
  requires: ["timestamp"],
  create: () => {
    let lastStep = -Infinity;
    let lastFill = -Infinity;
    return (step) => {
      if (!(step.timestamp >= lastStep)) {
        const message = `step time ${iso(step.timestamp)} is before the previous step's ${iso(lastStep)}`;
        return { expected: `>= ${lastStep}`, actual: step.timestamp, message };
      }
      lastStep = step.timestamp;
      const fills = step.fills ?? [];
      for (let i = 0; i < fills.length; i++) {
        const t = fills[i]!.timestamp;
        if (!(t >= lastFill)) {
          const message = `fill ${i} at ${iso(t)} is before the previous fill's ${iso(lastFill)}`;
          return { expected: `>= ${lastFill}`, actual: t, message };
        }
        lastFill = t;
      }
      return undefined;
    };
  },
});
