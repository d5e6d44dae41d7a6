import { isBacktestInvariantError, type BacktestInvariantError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { sampleSteps } from "../__fixtures__/trading";
import { createInvariantChecker } from "./checker";
import type { ReproIds } from "./options";

const violationAtStep1 = (context?: ReproIds): BacktestInvariantError => {
  const checker = createInvariantChecker({
    invariants: ["cash_accounting"],
    ...(context ? { context } : {}),
  });
  const [s0, s1] = sampleSteps();
  checker.check(s0!);
  try {
    checker.check({ ...s1!, cash: s1!.cash - 2 });
  } catch (error) {
    if (isBacktestInvariantError(error)) return error;
  }
  throw new Error("expected a BacktestInvariantError");
};

const ids = {
  runId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  seed: 42,
  configHash: "ab".repeat(32),
  gitSha: "0123456789abcdef0123456789abcdef01234567",
};

describe("violation errors", () => {
  it("carry the invariant, step, time, expected and actual values and the repro ids", () => {
    const error = violationAtStep1({ ...ids, extra: "ignored" } as ReproIds);
    const step = sampleSteps()[1]!;
    expect(error.code).toBe("BACKTEST_INVARIANT");
    expect(error.context).toEqual({
      invariant: "cash_accounting",
      step: 1,
      timestamp: step.timestamp,
      expected: step.cash,
      actual: step.cash - 2,
      ...ids,
    });
  });

  it("say how to reproduce the run in the hint", () => {
    expect(violationAtStep1(ids).hint).toBe(
      `Reproduce (run ${ids.runId}) with seed 42, the config with hash ${ids.configHash}, commit ${ids.gitSha}, then inspect step 1`,
    );
  });

  it("ask for a context when none was given", () => {
    const error = violationAtStep1();
    expect(error.hint).toContain("pass `context` (e.g. a ReproContext)");
    expect(Object.keys(error.context)).toEqual([
      "invariant",
      "step",
      "timestamp",
      "expected",
      "actual",
    ]);
  });

  it("print the repro ids in their text form and JSON", () => {
    const error = violationAtStep1(ids);
    expect(String(error)).toContain(`"seed":42`);
    expect(error.toJSON().context).toMatchObject({ runId: ids.runId, gitSha: ids.gitSha });
  });

  it.each([
    [{ seed: 7 }, "Reproduce with seed 7, then inspect step 1"],
    [{ seed: 7n, gitSha: null }, "Reproduce with seed 7, then inspect step 1"],
    [{ configHash: "cd" }, "Reproduce with the config with hash cd, then inspect step 1"],
    [{ runId: "r1", gitSha: "abc" }, "Reproduce (run r1) with commit abc, then inspect step 1"],
  ])("name only the repro ids given (%#)", (context, hint) => {
    expect(violationAtStep1(context).hint).toBe(hint);
  });

  it.each([[{ runId: "r1" }], [{ gitSha: null }], [{ runId: "r1", gitSha: null }]])(
    "ask for a context when it has no seed, config hash or commit (%#)",
    (context) => {
      expect(violationAtStep1(context).hint).toBe(
        "Re-run the backtest and stop at step 1; pass `context` (e.g. a ReproContext) to " +
          "createInvariantChecker so the error carries the run's seed, config hash and git SHA",
      );
    },
  );

  it("keep a null git SHA in the context", () => {
    expect(violationAtStep1({ seed: 1, gitSha: null }).context).toMatchObject({
      seed: 1,
      gitSha: null,
    });
  });
});
