import { describe, expect, it } from "vitest";
import { breaches as collect, roundFill, roundStep as step } from "../__fixtures__/round-step";
import { createInvariantChecker } from "../checker/checker";
import type { InvariantCheckerOptions } from "../checker/options";
import type { BacktestStep, Fill } from "../step/step";
import { BUILTIN_INVARIANT_NAMES, BUILTIN_INVARIANTS } from "./builtin-invariants";

const fill = (side: Fill["side"], quantity: number, price: number, fee: number): Fill =>
  roundFill(price, { side, quantity, fee });

/** The violations, without the step's time (these checks do not read it). */
const breaches = (name: string, steps: BacktestStep[], options: InvariantCheckerOptions = {}) =>
  collect(name, steps, options).map(({ timestamp: _t, ...v }) => v);

describe("the built-in list", () => {
  it("runs the eight built-ins in their documented order and cannot be changed", () => {
    expect(BUILTIN_INVARIANT_NAMES).toEqual([
      "monotonic_time",
      "no_lookahead",
      "fill_within_bar",
      "non_negative_cash",
      "position_limit",
      "non_negative_fees",
      "equity_identity",
      "cash_accounting",
    ]);
    expect(Object.isFrozen(BUILTIN_INVARIANTS)).toBe(true);
    expect(BUILTIN_INVARIANTS.map((i) => i.description)).toEqual([
      "step and fill timestamps never go back in time",
      "the decision used no data stamped after the step's time (dataTimestamp <= timestamp)",
      "fill prices lie within the bar's [low, high] (with the slippage tolerance)",
      "cash stays >= 0 unless margin is allowed",
      "every |position| stays within positionLimit",
      "fees (per step and per fill) are never negative",
      "equity = cash + sum(position * price), within the money tolerance",
      "cash changes between steps exactly by the fills and fees (within the money tolerance)",
    ]);
  });

  it("skips each built-in on a step without the fields it reads, naming them", () => {
    const checker = createInvariantChecker({ positionLimit: 1 });
    checker.check({ index: 0 });
    expect(checker.report().skipped.map((s) => [s.invariant, s.missing])).toEqual([
      ["monotonic_time", ["timestamp"]],
      ["no_lookahead", ["timestamp", "dataTimestamp"]],
      ["fill_within_bar", ["bar", "fills"]],
      ["non_negative_cash", ["cash"]],
      ["position_limit", ["positions"]],
      ["non_negative_fees", ["fills"]],
      ["equity_identity", ["cash", "positions", "prices", "equity"]],
      ["cash_accounting", ["cash", "fills"]],
    ]);
    expect(Object.isFrozen(BUILTIN_INVARIANT_NAMES)).toBe(true);
  });
});

describe("non_negative_fees details", () => {
  it("accepts zero fees and names a negative or NaN one", () => {
    expect(
      breaches("non_negative_fees", [step(0, { fees: 0, fills: [fill("buy", 1, 100, 0)] })]),
    ).toEqual([]);
    const fills = [fill("buy", 1, 100, 0), fill("buy", 1, 100, Number.NaN)];
    expect(breaches("non_negative_fees", [step(0, { fills }), step(1, { fees: -1 })])).toEqual([
      { step: 0, expected: ">= 0", actual: Number.NaN, message: "fill 1 has fee NaN" },
      { step: 1, expected: ">= 0", actual: -1, message: "step fees are -1" },
    ]);
    expect(breaches("non_negative_fees", [step(0, { fees: Number.NaN })])[0]?.message).toBe(
      "step fees are NaN",
    );
  });
});

describe("position_limit details", () => {
  it("accepts a position at its limit, long or short, and a zero limit for a flat book", () => {
    const steps = [step(0, { positions: { BTC: 50 } }), step(1, { positions: { BTC: -50 } })];
    expect(breaches("position_limit", steps, { positionLimit: 50 })).toEqual([]);
    expect(breaches("position_limit", steps, { positionLimit: { BTC: 50 } })).toEqual([]);
    expect(
      breaches("position_limit", [step(0, { positions: { BTC: 0 } })], { positionLimit: 0 }),
    ).toEqual([]);
  });

  it("names the symbol, the quantity and the limit", () => {
    const steps = [step(0, { positions: { ETH: 1, BTC: -7 } })];
    expect(breaches("position_limit", steps, { positionLimit: { ETH: 1, BTC: 5 } })).toEqual([
      {
        step: 0,
        expected: "|BTC| <= 5",
        actual: -7,
        message: "position BTC = -7 exceeds its limit 5",
      },
    ]);
    const nan = [step(0, { positions: { BTC: Number.NaN } })];
    expect(breaches("position_limit", nan, { positionLimit: 5 })).toHaveLength(1);
  });
});

describe("equity_identity details", () => {
  it("sums longs and shorts and ignores a flat symbol without a price", () => {
    const edit = {
      positions: { BTC: 2, ETH: -1, SOL: 0 },
      prices: { BTC: 100, ETH: 50 },
      equity: 1150,
    };
    expect(breaches("equity_identity", [step(0, edit)])).toEqual([]);
  });

  it("names the gap, or the symbol that has no price", () => {
    expect(breaches("equity_identity", [step(0, { equity: 1201 })])).toEqual([
      {
        step: 0,
        expected: 1200,
        actual: 1201,
        message: "equity 1201 differs from cash + positions 1200 by 1",
      },
    ]);
    expect(breaches("equity_identity", [step(0, { positions: { BTC: 2, ETH: 3 } })])).toEqual([
      {
        step: 0,
        expected: "a price for ETH",
        actual: undefined,
        message: "no price for ETH, so the position 3 cannot be valued",
      },
    ]);
  });

  it("adds a relative slack of 1e-9 to the absolute tolerance on large amounts", () => {
    const big = { cash: 1e12, positions: {}, prices: {} };
    expect(breaches("equity_identity", [step(0, { ...big, equity: 1e12 + 900 })])).toEqual([]);
    expect(breaches("equity_identity", [step(0, { ...big, equity: 1e12 - 900 })])).toEqual([]);
    expect(breaches("equity_identity", [step(0, { ...big, equity: 1e12 + 1100 })])).toHaveLength(1);
    const exact = { cash: 0, positions: {}, prices: {}, equity: 0 };
    expect(breaches("equity_identity", [step(0, exact)], { tolerance: { money: 0 } })).toEqual([]);
  });
});

describe("cash_accounting details", () => {
  it("takes buys, sells and fill fees out of cash", () => {
    const fills = [fill("buy", 2, 100, 1), fill("sell", 1, 50, 0.5)];
    const steps = [step(0), step(1, { cash: 1000 - 200 + 50 - 1.5, fills })];
    expect(breaches("cash_accounting", steps)).toEqual([]);
  });

  it("uses the step's fees instead of the fills' fees when given, even zero", () => {
    const fills = [fill("buy", 1, 100, 1)];
    expect(breaches("cash_accounting", [step(0), step(1, { cash: 898, fills, fees: 2 })])).toEqual(
      [],
    );
    expect(breaches("cash_accounting", [step(0), step(1, { cash: 900, fills, fees: 0 })])).toEqual(
      [],
    );
  });

  it("names the cash before and after and what the fills explain", () => {
    expect(breaches("cash_accounting", [step(0), step(1, { cash: 999 })])).toEqual([
      {
        step: 1,
        expected: 1000,
        actual: 999,
        message: "cash went from 1000 to 999; fills and fees explain 1000",
      },
    ]);
  });
});
