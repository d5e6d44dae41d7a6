import type { StepField } from "../step/step";

/** An invariant that did not check every step, and why. */
export interface SkippedInvariant {
  invariant: string;
  /** How many steps it skipped. */
  steps: number;
  /** The first skipped step's index, or `null` when no step was checked yet. */
  firstStep: number | null;
  /** Step fields that were absent (empty when the invariant could not run at all). */
  missing: StepField[];
  /** Why, in words: "missing prices, equity" or the invariant's own reason. */
  reason: string;
}

/** Counts the steps each invariant skipped for missing fields. */
export const createSkipLog = () => {
  const byName = new Map<string, SkippedInvariant>();
  return {
    /** Records that `invariant` skipped step `step` because `missing` were absent. */
    add(invariant: string, step: number, missing: readonly StepField[]): void {
      const entry = byName.get(invariant);
      if (entry === undefined) {
        byName.set(invariant, {
          invariant,
          steps: 1,
          firstStep: step,
          missing: [...missing],
          // Stryker disable next-line StringLiteral: list() always writes the reason
          reason: "",
        });
        return;
      }
      entry.steps += 1;
      for (const field of missing) if (!entry.missing.includes(field)) entry.missing.push(field);
    },
    /** A copy of every entry, in the order they were first seen. */
    list: (): SkippedInvariant[] =>
      [...byName.values()].map((s) => ({
        ...s,
        missing: [...s.missing],
        reason: `missing ${s.missing.join(", ")}`,
      })),
    clear: () => byName.clear(),
  };
};
