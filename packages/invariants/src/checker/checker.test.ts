import { isBacktestInvariantError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { sampleSteps } from "../__fixtures__/trading";
import { BUILTIN_INVARIANT_NAMES } from "../builtins/builtin-invariants";
import { defineInvariant } from "../invariant/invariant";
import type { BacktestStep } from "../step/step";
import { createInvariantChecker } from "./checker";

/** The sample run with step 1's equity off by one and step 2's data from the future. */
const brokenSteps = (): BacktestStep[] => {
  const steps = sampleSteps();
  steps[1]!.equity += 1;
  steps[2]!.dataTimestamp = steps[2]!.timestamp + 1;
  return steps;
};

const thrown = (fn: () => void): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
};

describe("createInvariantChecker", () => {
  it("runs every built-in by default and passes a valid run", () => {
    const checker = createInvariantChecker({ positionLimit: 50 });
    sampleSteps().forEach((s) => checker.check(s));
    expect(checker.invariants).toEqual(BUILTIN_INVARIANT_NAMES);
    expect(checker.report()).toEqual({ violations: [], skipped: [], steps: 3 });
  });

  it("raise throws a BacktestInvariantError at the first violation", () => {
    const checker = createInvariantChecker({ positionLimit: 50 });
    const [s0, s1] = brokenSteps();
    checker.check(s0!);
    const error = thrown(() => checker.check(s1!));
    expect(isBacktestInvariantError(error)).toBe(true);
    expect((error as Error).message).toContain("`equity_identity` broken at step 1");
    expect(checker.report().violations).toHaveLength(1);
  });

  it("warn logs each violation and goes on", () => {
    const logged: string[] = [];
    const checker = createInvariantChecker({
      strictness: "warn",
      positionLimit: 50,
      logger: { warn: (message, error) => logged.push(`${error.code} ${message}`) },
    });
    brokenSteps().forEach((s) => checker.check(s));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(
      /^BACKTEST_INVARIANT BacktestInvariantError: Invariant `equity_identity`/,
    );
    expect(logged[1]).toContain("`no_lookahead` broken at step 2");
    expect(checker.report().violations.map((v) => v.invariant)).toEqual([
      "equity_identity",
      "no_lookahead",
    ]);
  });

  it("collect records every violation without throwing or logging", () => {
    const checker = createInvariantChecker({ strictness: "collect", positionLimit: 50 });
    brokenSteps().forEach((s) => checker.check(s));
    const steps = checker.report().violations.map((v) => [v.invariant, v.step]);
    expect(steps).toEqual([
      ["equity_identity", 1],
      ["no_lookahead", 2],
    ]);
  });

  it("skips an invariant whose inputs are absent and says which", () => {
    const checker = createInvariantChecker({ invariants: ["equity_identity", "no_lookahead"] });
    const [s0, s1] = sampleSteps();
    const { prices: _p, equity: _e, ...partial } = s0!;
    checker.check(partial);
    checker.check({ index: 1, timestamp: s1!.timestamp });
    expect(checker.report().skipped).toEqual([
      {
        invariant: "equity_identity",
        steps: 2,
        firstStep: 0,
        missing: ["prices", "equity", "cash", "positions"],
        reason: "missing prices, equity, cash, positions",
      },
      {
        invariant: "no_lookahead",
        steps: 1,
        firstStep: 1,
        missing: ["dataTimestamp"],
        reason: "missing dataTimestamp",
      },
    ]);
  });

  it("restarts cash accounting after a step without cash", () => {
    const checker = createInvariantChecker({
      invariants: ["cash_accounting"],
      strictness: "collect",
    });
    const [s0, s1, s2] = sampleSteps();
    checker.check(s0!);
    const { cash: _c, ...noCash } = s1!;
    checker.check(noCash);
    checker.check({ ...s2!, cash: s2!.cash + 123 });
    expect(checker.report().violations).toEqual([]);
  });

  it("reset forgets steps, violations and state", () => {
    const checker = createInvariantChecker({ strictness: "collect", positionLimit: 50 });
    brokenSteps().forEach((s) => checker.check(s));
    checker.reset();
    sampleSteps().forEach((s) => checker.check(s));
    expect(checker.report()).toEqual({ violations: [], skipped: [], steps: 3 });
  });

  it("lists position_limit as skipped when no limit is given", () => {
    const checker = createInvariantChecker();
    sampleSteps().forEach((s) => checker.check(s));
    expect(checker.report().skipped).toEqual([
      {
        invariant: "position_limit",
        steps: 3,
        firstStep: 0,
        missing: [],
        reason: "no positionLimit option was given",
      },
    ]);
  });

  it("runs a custom invariant registered by name", () => {
    const flat = defineInvariant({
      name: "always_flat",
      description: "never holds anything",
      requires: ["positions"],
      create: () => (step) =>
        Object.values(step.positions).every((q) => q === 0)
          ? undefined
          : { expected: 0, actual: step.positions, message: "holds a position" },
    });
    const checker = createInvariantChecker({
      invariants: ["always_flat"],
      custom: [flat],
      strictness: "collect",
    });
    sampleSteps().forEach((s) => checker.check(s));
    expect(checker.report().violations.map((v) => v.step)).toEqual([0, 1, 2]);
  });
});
