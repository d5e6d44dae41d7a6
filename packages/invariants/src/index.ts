export { BUILTIN_INVARIANT_NAMES, BUILTIN_INVARIANTS } from "./builtins/builtin-invariants";
export { createInvariantChecker } from "./checker/checker";
export type { InvariantChecker, InvariantReport } from "./checker/checker";
export { STRICTNESS_MODES } from "./checker/options";
export type {
  InvariantCheckerOptions,
  InvariantLogger,
  InvariantTolerance,
  ReproIds,
  Strictness,
} from "./checker/options";
export type { SkippedInvariant } from "./checker/skips";
export type { Violation } from "./checker/violation";
export { defineInvariant } from "./invariant/invariant";
export type {
  Breach,
  Invariant,
  InvariantSettings,
  StepCheck,
  Unavailable,
} from "./invariant/invariant";
export type { BacktestStep, Bar, Fill, PartialStep, StepField } from "./step/step";
