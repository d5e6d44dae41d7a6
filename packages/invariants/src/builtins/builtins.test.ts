import { describe, expect, it } from "vitest";
import { sampleSteps, SYMBOL } from "../__fixtures__/trading";
import { createInvariantChecker } from "../checker/checker";
import type { InvariantCheckerOptions } from "../checker/options";
import type { BacktestStep } from "../step/step";

type Corrupt = (steps: BacktestStep[]) => void;

/** Runs one invariant over the sample run (after `corrupt`) and returns the violations. */
const run = (name: string, corrupt: Corrupt = () => {}, options: InvariantCheckerOptions = {}) => {
  const steps = sampleSteps();
  corrupt(steps);
  const checker = createInvariantChecker({
    invariants: [name],
    strictness: "collect",
    positionLimit: 50,
    ...options,
  });
  steps.forEach((s) => checker.check(s));
  return checker.report().violations;
};

const at =
  (i: number, edit: (s: BacktestStep) => void): Corrupt =>
  (steps) =>
    edit(steps[i]!);

const cases: Array<[string, string, Corrupt]> = [
  ["monotonic_time", "a step earlier than the one before", at(2, (s) => (s.timestamp -= 120_001))],
  [
    "monotonic_time",
    "a fill earlier than the last fill",
    at(2, (s) => (s.fills[0]!.timestamp = 0)),
  ],
  [
    "no_lookahead",
    "data stamped after the step",
    at(1, (s) => (s.dataTimestamp = s.timestamp + 1)),
  ],
  [
    "fill_within_bar",
    "a fill above the bar's high",
    at(0, (s) => (s.fills[0]!.price = s.bar.high * 1.01)),
  ],
  [
    "fill_within_bar",
    "a fill below the bar's low",
    at(2, (s) => (s.fills[0]!.price = s.bar.low * 0.99)),
  ],
  ["non_negative_cash", "cash below zero", at(1, (s) => (s.cash = -0.01))],
  ["position_limit", "a position over the limit", at(1, (s) => (s.positions[SYMBOL] = 51))],
  ["position_limit", "a short over the limit", at(1, (s) => (s.positions[SYMBOL] = -51))],
  ["non_negative_fees", "a negative fill fee", at(0, (s) => (s.fills[0]!.fee = -0.1))],
  ["non_negative_fees", "negative step fees", at(1, (s) => (s.fees = -1))],
  ["equity_identity", "equity off by one", at(1, (s) => (s.equity += 1))],
  ["equity_identity", "a held symbol without a price", at(1, (s) => (s.prices = {}))],
  ["cash_accounting", "cash that moved without a fill", at(1, (s) => (s.cash += 0.5))],
  [
    "cash_accounting",
    "a fee not taken from cash",
    at(2, (s) => (s.fees = (s.fills[0]?.fee ?? 0) + 1)),
  ],
];

describe("built-in invariants", () => {
  it.each([...new Set(cases.map(([name]) => name))])("%s passes a valid run", (name) => {
    expect(run(name)).toEqual([]);
  });

  it.each(cases)("%s catches %s", (name, _what, corrupt) => {
    const violations = run(name, corrupt);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0]!.invariant).toBe(name);
  });

  it("fill_within_bar accepts a fill inside the slippage tolerance", () => {
    const corrupt = at(0, (s) => (s.fills[0]!.price = s.bar.high * 1.0005));
    expect(run("fill_within_bar", corrupt)).toHaveLength(1);
    expect(run("fill_within_bar", corrupt, { tolerance: { slippage: 0.001 } })).toEqual([]);
  });

  it("non_negative_cash is skipped when margin is allowed", () => {
    const steps = sampleSteps();
    steps[1]!.cash = -500;
    const checker = createInvariantChecker({
      invariants: ["non_negative_cash"],
      allowMargin: true,
    });
    steps.forEach((s) => checker.check(s));
    expect(checker.report().skipped).toEqual([
      {
        invariant: "non_negative_cash",
        steps: 3,
        firstStep: 0,
        missing: [],
        reason: "allowMargin is true",
      },
    ]);
  });

  it("position_limit reads per-symbol limits and ignores symbols without one", () => {
    expect(
      run(
        "position_limit",
        at(1, (s) => (s.positions.ETH = 1e9)),
        { positionLimit: { [SYMBOL]: 50 } },
      ),
    ).toEqual([]);
    expect(run("position_limit", () => {}, { positionLimit: { [SYMBOL]: 5 } })[0]?.step).toBe(0);
  });

  it("equity_identity and cash_accounting allow the money tolerance", () => {
    expect(
      run(
        "equity_identity",
        at(1, (s) => (s.equity += 1e-7)),
      ),
    ).toEqual([]);
    expect(
      run(
        "equity_identity",
        at(1, (s) => (s.equity += 0.5)),
        { tolerance: { money: 1 } },
      ),
    ).toEqual([]);
  });

  it("reports expected and actual values", () => {
    const [v] = run(
      "no_lookahead",
      at(1, (s) => (s.dataTimestamp = s.timestamp + 5)),
    );
    const stamp = sampleSteps()[1]!.timestamp;
    expect(v).toMatchObject({
      step: 1,
      timestamp: stamp,
      expected: `<= ${stamp}`,
      actual: stamp + 5,
    });
  });
});
