import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LIMIT, simulate, SYMBOL } from "../__fixtures__/trading";
import type { BacktestStep } from "../step/step";
import { createInvariantChecker } from "./checker";

const move = fc.record({
  change: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  wick: fc.double({ min: 0, max: 0.01, noNaN: true }),
  order: fc.integer({ min: -30, max: 30 }),
  fresh: fc.boolean(),
});
const run = fc.array(move, { minLength: 2, maxLength: 60 }).map((moves) => simulate(moves));

/** One corruption of step k, and the invariant that must catch it there. */
const CORRUPTIONS: Record<
  string,
  { invariant: (k: number) => string; apply: (s: BacktestStep, prev?: BacktestStep) => void }
> = {
  time_back: {
    invariant: () => "monotonic_time",
    apply: (s, prev) => (s.timestamp = (prev?.timestamp ?? s.timestamp) - 1),
  },
  lookahead: { invariant: () => "no_lookahead", apply: (s) => (s.dataTimestamp = s.timestamp + 1) },
  fill_outside: {
    invariant: () => "fill_within_bar",
    apply: (s) =>
      s.fills.push({
        timestamp: s.timestamp,
        side: "buy",
        quantity: 1,
        price: s.bar.high * 1.01,
        fee: 0,
      }),
  },
  overspend: {
    invariant: () => "non_negative_cash",
    apply: (s) => (s.cash = -1 - Math.abs(s.cash)),
  },
  over_limit: {
    invariant: () => "position_limit",
    apply: (s) => (s.positions[SYMBOL] = LIMIT + 1),
  },
  negative_fee: { invariant: () => "non_negative_fees", apply: (s) => (s.fees = -0.01) },
  equity_off: { invariant: () => "equity_identity", apply: (s) => (s.equity += 0.01) },
  cash_off: {
    invariant: (k) => (k === 0 ? "equity_identity" : "cash_accounting"),
    apply: (s) => (s.cash += 0.01),
  },
};

const collect = (steps: BacktestStep[]) => {
  const checker = createInvariantChecker({ strictness: "collect", positionLimit: LIMIT });
  steps.forEach((s) => checker.check(s));
  return checker.report();
};

describe("invariant checker properties", () => {
  test.prop([run])("a valid trading run never violates and skips nothing", (steps) => {
    expect(collect(steps)).toEqual({ violations: [], skipped: [], steps: steps.length });
  });

  test.prop([run, fc.constantFrom(...Object.keys(CORRUPTIONS)), fc.nat()])(
    "a single corruption is caught at its step, and nothing before it",
    (steps, kind, at) => {
      const k = kind === "time_back" ? 1 + (at % (steps.length - 1)) : at % steps.length;
      const corruption = CORRUPTIONS[kind]!;
      const step = structuredClone(steps[k]!);
      corruption.apply(step, steps[k - 1]);
      steps[k] = step;
      const { violations } = collect(steps);
      expect(violations.length).toBeGreaterThan(0);
      expect(Math.min(...violations.map((v) => v.step))).toBe(k);
      const atK = violations.filter((v) => v.step === k).map((v) => v.invariant);
      expect(atK).toContain(corruption.invariant(k));
    },
  );
});
