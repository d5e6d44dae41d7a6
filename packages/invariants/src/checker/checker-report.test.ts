import { isBacktestInvariantError, isConfigError, type BacktestInvariantError } from "@peak/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleSteps } from "../__fixtures__/trading";
import { defineInvariant } from "../invariant/invariant";
import { createInvariantChecker } from "./checker";

afterEach(() => vi.restoreAllMocks());

/** A custom invariant that reads only `requires` and breaks on every step it sees. */
const always = (name: string, requires: Parameters<typeof defineInvariant>[0]["requires"]) =>
  defineInvariant({
    name,
    description: "breaks on every step",
    requires,
    create: () => () => ({ expected: "nothing", actual: "something", message: "always breaks" }),
  });

const refusal = (step: unknown) => {
  try {
    createInvariantChecker().check(step as never);
  } catch (error) {
    if (isConfigError(error)) return error;
  }
  throw new Error("expected a ConfigError");
};

describe("check(step) shape", () => {
  it.each([
    [null, "null"],
    [42, "number"],
    [{ index: "1" }, "object"],
  ])("refuses %j and says what it got", (step, received) => {
    const error = refusal(step);
    expect(error.context).toEqual({ received });
    expect(error.hint).toMatch(/^Pass one BacktestStep per bar: \{ index, timestamp/);
  });
});

describe("the checker's report", () => {
  it("records a step without a timestamp as timestamp null", () => {
    const checker = createInvariantChecker({
      invariants: ["always"],
      custom: [always("always", [])],
      strictness: "collect",
    });
    checker.check({ index: 7 });
    expect(checker.report().violations).toEqual([
      {
        invariant: "always",
        step: 7,
        timestamp: null,
        expected: "nothing",
        actual: "something",
        message: "always breaks",
      },
    ]);
  });

  it("skips an invariant that needs fees on a step without them", () => {
    const checker = createInvariantChecker({
      invariants: ["fees_seen"],
      custom: [always("fees_seen", ["fees"])],
      strictness: "collect",
    });
    checker.check({ index: 0 });
    checker.check({ index: 1, fees: 0 });
    expect(checker.report().violations.map((v) => v.step)).toEqual([1]);
    expect(checker.report().skipped).toEqual([
      { invariant: "fees_seen", steps: 1, firstStep: 0, missing: ["fees"], reason: "missing fees" },
    ]);
  });

  it("gives an unavailable invariant the first step's index and the step count", () => {
    const checker = createInvariantChecker({ invariants: ["position_limit"] });
    expect(checker.report().skipped[0]).toMatchObject({ steps: 0, firstStep: null });
    checker.check({ index: 10 });
    checker.check({ index: 11 });
    expect(checker.report()).toEqual({
      violations: [],
      skipped: [
        {
          invariant: "position_limit",
          steps: 2,
          firstStep: 10,
          missing: [],
          reason: "no positionLimit option was given",
        },
      ],
      steps: 2,
    });
  });

  it("hands out copies that the caller cannot use to change it", () => {
    const checker = createInvariantChecker({
      invariants: ["always", "no_lookahead"],
      custom: [always("always", [])],
      strictness: "collect",
    });
    checker.check({ index: 0 });
    const first = checker.report();
    first.violations[0]!.message = "edited";
    first.skipped[0]!.missing.push("bar");
    expect(checker.report().violations[0]!.message).toBe("always breaks");
    expect(checker.report().skipped[0]!.missing).toEqual(["timestamp", "dataTimestamp"]);
    expect(Object.isFrozen(checker.invariants)).toBe(true);
  });
});

describe("reset", () => {
  it("forgets the skips of the previous run", () => {
    const checker = createInvariantChecker({ invariants: ["no_lookahead"] });
    checker.check({ index: 0 });
    expect(checker.report().skipped).toHaveLength(1);
    checker.reset();
    checker.check(sampleSteps()[0]!);
    expect(checker.report()).toEqual({ violations: [], skipped: [], steps: 1 });
  });
});

describe("strictness", () => {
  it("collect never calls the logger", () => {
    const warn = vi.fn();
    const checker = createInvariantChecker({
      strictness: "collect",
      positionLimit: 1,
      logger: { warn },
    });
    sampleSteps().forEach((s) => checker.check(s));
    expect(checker.report().violations.length).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it("warn hands the logger the error itself and its text", () => {
    const seen: [string, BacktestInvariantError][] = [];
    const checker = createInvariantChecker({
      strictness: "warn",
      positionLimit: 1,
      logger: { warn: (message, error) => seen.push([message, error]) },
    });
    checker.check(sampleSteps()[0]!);
    expect(seen).toHaveLength(1);
    const [message, error] = seen[0]!;
    expect(isBacktestInvariantError(error)).toBe(true);
    expect(message).toBe(error.toString());
    expect(error.context).toMatchObject({ invariant: "position_limit", step: 0, actual: 10 });
  });

  it("warn writes to stderr when no logger is given", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const checker = createInvariantChecker({ strictness: "warn", positionLimit: 1 });
    checker.check(sampleSteps()[0]!);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(
      /^BacktestInvariantError: Invariant `position_limit` broken at step 0/,
    );
    expect(written[0]).toMatch(/\n$/);
  });
});
