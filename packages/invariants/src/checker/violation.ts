import { BacktestInvariantError } from "@peak/errors";
import type { Breach } from "../invariant/invariant";
import type { ReproIds } from "./options";

/** One broken invariant at one step, as `report()` lists it. */
export interface Violation {
  /** The invariant's name, e.g. `"cash_accounting"`. */
  invariant: string;
  /** The step's `index`. */
  step: number;
  /** The step's `timestamp` (epoch ms), or `null` when the step had none. */
  timestamp: number | null;
  expected: unknown;
  actual: unknown;
  message: string;
}

const REPRO_KEYS = ["runId", "seed", "configHash", "gitSha"] as const;

/** The repro ids that are present, as plain data (a `ReproContext` or any object with them). */
export const pickRepro = (context: ReproIds | undefined): ReproIds => {
  const ids: Record<string, unknown> = {};
  for (const key of REPRO_KEYS) if (context?.[key] !== undefined) ids[key] = context[key];
  return Object.freeze(ids) as ReproIds;
};

const reproHint = (ids: ReproIds, step: number): string => {
  if (ids.seed === undefined && ids.configHash === undefined && !ids.gitSha) {
    return (
      `Re-run the backtest and stop at step ${step}; pass \`context\` (e.g. a ReproContext) to ` +
      "createInvariantChecker so the error carries the run's seed, config hash and git SHA"
    );
  }
  const parts = [
    ids.seed !== undefined ? `seed ${String(ids.seed)}` : undefined,
    ids.configHash !== undefined ? `the config with hash ${ids.configHash}` : undefined,
    ids.gitSha ? `commit ${ids.gitSha}` : undefined,
  ].filter((p) => p !== undefined);
  const run = ids.runId !== undefined ? ` (run ${ids.runId})` : "";
  return `Reproduce${run} with ${parts.join(", ")}, then inspect step ${step}`;
};

/** A violation as the error `"raise"` throws and `"warn"` logs, with the repro ids in its context. */
export const violationError = (v: Violation, ids: ReproIds): BacktestInvariantError =>
  new BacktestInvariantError(
    `Invariant \`${v.invariant}\` broken at step ${v.step}: ${v.message}`,
    {
      hint: reproHint(ids, v.step),
      context: {
        invariant: v.invariant,
        step: v.step,
        timestamp: v.timestamp,
        expected: v.expected,
        actual: v.actual,
        ...ids,
      },
    },
  );

/** The violation record of a breach at `step`. */
export const toViolation = (
  invariant: string,
  step: { index: number; timestamp?: number | undefined },
  breach: Breach,
): Violation => ({
  invariant,
  step: step.index,
  timestamp: step.timestamp ?? null,
  expected: breach.expected,
  actual: breach.actual,
  message: breach.message,
});
