import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { defineInvariant } from "../invariant/invariant";
import { createInvariantChecker } from "./checker";
import type { InvariantCheckerOptions } from "./options";

const configError = (options: InvariantCheckerOptions) => {
  let error: unknown;
  try {
    createInvariantChecker(options);
  } catch (e) {
    error = e;
  }
  expect(isConfigError(error)).toBe(true);
  return error as Error & { hint?: string; context: Record<string, unknown> };
};

describe("createInvariantChecker options", () => {
  it("rejects an unknown invariant name with the closest one", () => {
    const error = configError({ invariants: ["monotonic_time", "equity_identiy"] });
    expect(error.message).toBe("Unknown invariant `equity_identiy` at invariants[1]");
    expect(error.hint).toMatch(/^Did you mean `equity_identity`\? Available: monotonic_time, /);
    expect(error.context.suggestion).toBe("equity_identity");
  });

  it("rejects a custom invariant that reuses a name or is malformed", () => {
    const copy = defineInvariant({
      name: "no_lookahead",
      description: "",
      requires: [],
      create: () => () => undefined,
    });
    expect(configError({ custom: [copy] }).message).toBe("Duplicate invariant name `no_lookahead`");
    expect(configError({ custom: [{ name: "x" } as never] }).message).toBe(
      "custom[0] is not an invariant",
    );
  });

  it.each([
    [{ strictness: "rasie" as never }, "Unknown strictness `rasie`", 'Did you mean "raise"?'],
    [
      { tolerance: { money: -1 } },
      "`tolerance.money` must be a finite number >= 0, got -1",
      "Example",
    ],
    [
      { tolerance: { slippage: Number.NaN } },
      "`tolerance.slippage` must be a finite number >= 0, got null",
      "Example",
    ],
    [
      { positionLimit: { BTC: "x" as never } },
      "`positionLimit.BTC` must be a finite number >= 0, got x",
      "Example",
    ],
  ])("rejects bad options %#", (options, message, hint) => {
    const error = configError(options);
    expect(error.message).toBe(message);
    expect(error.hint).toContain(hint);
  });

  it("rejects a step without a numeric index", () => {
    const checker = createInvariantChecker();
    expect(() => checker.check({} as never)).toThrow(
      "check(step) expects an object with a numeric `index`",
    );
  });
});
