import { describe, expect, it } from "vitest";
import { breaches, roundFill as fill, roundStep as step, T } from "../__fixtures__/round-step";

describe("monotonic_time details", () => {
  it("accepts equal step and fill times, and steps without fills", () => {
    const steps = [
      step(0, { timestamp: T, fills: [fill(100), fill(100)] }),
      step(1, { timestamp: T, fills: [fill(100)] }),
      { index: 2, timestamp: T },
    ];
    expect(breaches("monotonic_time", steps)).toEqual([]);
  });

  it("names the step time and the previous one", () => {
    expect(breaches("monotonic_time", [step(0), { index: 1, timestamp: T - 1 }])).toEqual([
      {
        step: 1,
        timestamp: T - 1,
        expected: `>= ${T}`,
        actual: T - 1,
        message:
          "step time 2023-12-31T23:59:59.999Z is before the previous step's 2024-01-01T00:00:00.000Z",
      },
    ]);
  });

  it("names the fill that went back and the previous fill", () => {
    const fills = [fill(100, { timestamp: T + 5 }), fill(100, { timestamp: T + 4 })];
    expect(breaches("monotonic_time", [step(0, { fills })])).toEqual([
      {
        step: 0,
        timestamp: T,
        expected: `>= ${T + 5}`,
        actual: T + 4,
        message:
          "fill 1 at 2024-01-01T00:00:00.004Z is before the previous fill's 2024-01-01T00:00:00.005Z",
      },
    ]);
  });

  it("prints raw numbers for times outside the Date range, and flags NaN", () => {
    const min = -8.64e15;
    const [v] = breaches("monotonic_time", [
      { index: 0, timestamp: min },
      { index: 1, timestamp: min - 1 },
    ]);
    expect(v?.message).toBe(
      "step time -8640000000000001 is before the previous step's -271821-04-20T00:00:00.000Z",
    );
    const [nan] = breaches("monotonic_time", [{ index: 0, timestamp: Number.NaN }]);
    expect(nan?.message).toBe("step time NaN is before the previous step's -Infinity");
    expect(nan?.expected).toBe(">= -Infinity");
  });
});

describe("no_lookahead details", () => {
  it("accepts data stamped at the step's time and names a later stamp", () => {
    expect(breaches("no_lookahead", [step(0)])).toEqual([]);
    const max = 8.64e15;
    const [v] = breaches("no_lookahead", [step(0, { timestamp: max, dataTimestamp: max + 1 })]);
    expect(v).toEqual({
      step: 0,
      timestamp: max,
      expected: `<= ${max}`,
      actual: max + 1,
      message:
        "the decision used data stamped 8640000000000001, after the step's time +275760-09-13T00:00:00.000Z",
    });
  });
});

describe("fill_within_bar details", () => {
  it("accepts fills at the bar's low and high", () => {
    expect(breaches("fill_within_bar", [step(0, { fills: [fill(90), fill(110)] })])).toEqual([]);
  });

  it("names the fill index, its price and the range", () => {
    expect(breaches("fill_within_bar", [step(0, { fills: [fill(100), fill(111)] })])).toEqual([
      {
        step: 0,
        timestamp: T,
        expected: [90, 110],
        actual: 111,
        message: "fill 1 at price 111 is outside the bar's range [90, 110]",
      },
    ]);
  });

  it("widens both ends by the slippage tolerance", () => {
    const options = { tolerance: { slippage: 0.1 } };
    const wide = [step(0, { fills: [fill(82), fill(120)] })];
    expect(breaches("fill_within_bar", wide, options)).toEqual([]);
    expect(breaches("fill_within_bar", wide).map((v) => v.actual)).toEqual([82]);
    const [low] = breaches("fill_within_bar", [step(0, { fills: [fill(80)] })], options);
    expect(low?.expected).toEqual([90 * (1 - 0.1), 110 * (1 + 0.1)]);
    const [high] = breaches("fill_within_bar", [step(0, { fills: [fill(122)] })], options);
    expect(high?.actual).toBe(122);
  });
});

describe("non_negative_cash details", () => {
  it("accepts zero and a shortfall within the money tolerance", () => {
    const steps = [step(0, { cash: 0 }), step(1, { cash: -1e-7 })];
    expect(breaches("non_negative_cash", steps)).toEqual([]);
    expect(
      breaches("non_negative_cash", [step(0, { cash: -0.5 })], { tolerance: { money: 1 } }),
    ).toEqual([]);
  });

  it("accepts a shortfall exactly at the money tolerance and flags one just past it", () => {
    const tolerance = { money: 0.5 };
    expect(breaches("non_negative_cash", [step(0, { cash: -0.5 })], { tolerance })).toEqual([]);
    const past = breaches("non_negative_cash", [step(0, { cash: -0.5625 })], { tolerance });
    expect(past.map((b) => b.message)).toEqual(["cash is -0.5625, below zero"]);
  });

  it("names the cash below zero", () => {
    expect(breaches("non_negative_cash", [step(0, { cash: -2e-6 })])).toEqual([
      {
        step: 0,
        timestamp: T,
        expected: ">= 0",
        actual: -2e-6,
        message: "cash is -0.000002, below zero",
      },
    ]);
  });
});
