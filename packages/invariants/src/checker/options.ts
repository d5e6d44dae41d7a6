import type { BacktestInvariantError } from "@peak/errors";
import type { Invariant } from "../invariant/invariant";

/** What a checker does at a violation: throw it, log it and go on, or only record it. */
export type Strictness = "raise" | "warn" | "collect";

/** The strictness modes, in the order the docs list them. */
export const STRICTNESS_MODES: readonly Strictness[] = Object.freeze(["raise", "warn", "collect"]);

/** The run's repro ids as plain data (a `ReproContext` from `@peak/repro` fits as is). */
export interface ReproIds {
  runId?: string | undefined;
  seed?: number | bigint | string | undefined;
  configHash?: string | undefined;
  gitSha?: string | null | undefined;
}

/** Tolerances of the money and price invariants. */
export interface InvariantTolerance {
  /**
   * Absolute slack on cash and equity amounts, in cash units (a 1e-9 relative slack is added).
   * @defaultValue 1e-6
   */
  money?: number;
  /**
   * Relative slack of a fill price outside the bar's [low, high]: 0.001 allows 0.1 % slippage.
   * @defaultValue 0
   */
  slippage?: number;
}

/** Where `"warn"` mode reports a violation. */
export interface InvariantLogger {
  warn: (message: string, error: BacktestInvariantError) => void;
}

/** Options of {@link createInvariantChecker}. */
export interface InvariantCheckerOptions {
  /**
   * Names of the invariants to run (built-in or custom).
   * @defaultValue every built-in, then every custom invariant
   */
  invariants?: readonly string[];
  /** Custom invariants (see `defineInvariant`), registered under their names. */
  custom?: readonly Invariant[];
  /** @defaultValue "raise" */
  strictness?: Strictness;
  /** Repro ids copied into every violation's context and hint. */
  context?: ReproIds;
  tolerance?: InvariantTolerance;
  /**
   * Whether cash may go negative (margin); `non_negative_cash` is then skipped.
   * @defaultValue false
   */
  allowMargin?: boolean;
  /** Largest absolute position, one for every symbol or per symbol; without it `position_limit` is skipped. */
  positionLimit?: number | Readonly<Record<string, number>>;
  /** @defaultValue writes the error's text to stderr */
  logger?: InvariantLogger;
}
