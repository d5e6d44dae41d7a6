import { ConfigError } from "@peak/errors";
import type { Invariant, StepCheck } from "../invariant/invariant";
import { resolveInvariants } from "../registry/resolve-invariants";
import { fieldMask, presentFields } from "../step/field-mask";
import type { BacktestStep, PartialStep, StepField } from "../step/step";
import type { InvariantCheckerOptions } from "./options";
import { resolveSettings, resolveStrictness } from "./settings";
import { createSkipLog, type SkippedInvariant } from "./skips";
import { pickRepro, toViolation, violationError, type Violation } from "./violation";

/** What a checker saw so far. */
export interface InvariantReport {
  /** Every violation recorded (in `"raise"` mode, the one that was thrown). */
  violations: Violation[];
  /** Invariants that skipped steps (missing fields) or could not run (e.g. no limit given). */
  skipped: SkippedInvariant[];
  /** How many steps were checked. */
  steps: number;
}

/** Checks steps of one run; see {@link createInvariantChecker}. */
export interface InvariantChecker {
  /**
   * Runs every invariant on `step`.
   * @throws {@link BacktestInvariantError} at the first violation in `"raise"` mode.
   */
  check: (step: PartialStep) => void;
  report: () => InvariantReport;
  /** Forgets every step, violation and skip, for a new run with the same options. */
  reset: () => void;
  /** Names of the invariants this checker runs, in order. */
  readonly invariants: readonly string[];
}

interface Active {
  name: string;
  requires: readonly StepField[];
  mask: number;
  check: StepCheck;
}

const checkStepShape = (step: unknown): void => {
  // Stryker disable next-line ConditionalExpression: a primitive has no numeric `index` either
  if (typeof step === "object" && step !== null && typeof (step as PartialStep).index === "number")
    return;
  throw new ConfigError("check(step) expects an object with a numeric `index`", {
    hint: "Pass one BacktestStep per bar: { index, timestamp, bar, cash, positions, prices, equity, fills, dataTimestamp }",
    context: { received: step === null ? "null" : typeof step },
  });
};

/**
 * Creates a checker that an event-driven backtester calls once per step. Every built-in
 * invariant runs unless `invariants` names a subset; a step missing an invariant's inputs is
 * skipped for it (see `report().skipped`).
 *
 * @throws {@link ConfigError} for an unknown invariant name (with a "did you mean"), strictness or bad tolerance.
 * @example
 * ```ts
 * const checker = createInvariantChecker({ strictness: "raise", context: reproContext, positionLimit: 10 });
 * for (const step of engine.steps()) checker.check(step); // throws BacktestInvariantError at the first violation
 * console.log(checker.report()); // { violations: [], skipped: [], steps: 1000 }
 * ```
 */
export const createInvariantChecker = (options: InvariantCheckerOptions = {}): InvariantChecker => {
  const strictness = resolveStrictness(options.strictness);
  const settings = resolveSettings(options);
  const chosen: readonly Invariant[] = resolveInvariants(options.invariants, options.custom);
  const ids = pickRepro(options.context);
  const warn =
    options.logger?.warn ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const skips = createSkipLog();
  // Stryker disable ArrayDeclaration: start() below replaces these before any use
  let active: Active[] = [];
  let unavailable: { invariant: string; reason: string }[] = [];
  let violations: Violation[] = [];
  // Stryker restore ArrayDeclaration
  let steps = 0;
  let firstStep: number | null = null;

  const start = () => {
    [active, unavailable, violations, steps, firstStep] = [[], [], [], 0, null];
    skips.clear();
    for (const { name, requires, create } of chosen) {
      const made = create(settings);
      if (typeof made === "function")
        active.push({ name, requires, mask: fieldMask(requires), check: made });
      else unavailable.push({ invariant: name, reason: made.unavailable });
    }
  };
  start();

  const breach = (name: string, step: PartialStep, found: NonNullable<ReturnType<StepCheck>>) => {
    const violation = toViolation(name, step, found);
    violations.push(violation);
    if (strictness === "collect") return;
    const error = violationError(violation, ids);
    if (strictness === "raise") throw error;
    warn(error.toString(), error);
  };

  const check = (step: PartialStep): void => {
    checkStepShape(step);
    steps += 1;
    firstStep ??= step.index;
    const present = presentFields(step);
    for (let i = 0; i < active.length; i++) {
      const invariant = active[i]!;
      if ((present & invariant.mask) !== invariant.mask) {
        const missing = invariant.requires.filter((field) => step[field] === undefined);
        skips.add(invariant.name, step.index, missing);
        invariant.check.onSkip?.();
        continue;
      }
      const found = invariant.check(step as BacktestStep);
      if (found !== undefined) breach(invariant.name, step, found);
    }
  };

  const report = (): InvariantReport => ({
    violations: violations.map((v) => ({ ...v })),
    skipped: [
      ...unavailable.map(({ invariant, reason }) => ({
        invariant,
        steps,
        firstStep,
        missing: [],
        reason,
      })),
      ...skips.list(),
    ],
    steps,
  });

  return { check, report, reset: start, invariants: Object.freeze(chosen.map((i) => i.name)) };
};
