import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { createInvariantChecker } from "./checker";
import type { InvariantCheckerOptions } from "./options";
import { STRICTNESS_MODES } from "./options";
import { resolveSettings } from "./settings";

const refusal = (options: unknown) => {
  try {
    createInvariantChecker(options as InvariantCheckerOptions);
  } catch (error) {
    if (isConfigError(error)) return error;
  }
  throw new Error("expected a ConfigError");
};

describe("resolveSettings", () => {
  it("fills in the defaults", () => {
    const settings = resolveSettings({});
    expect(settings).toEqual({
      money: 1e-6,
      slippage: 0,
      allowMargin: false,
      positionLimit: undefined,
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it("accepts zero tolerances and limits and counts only `true` as allowing margin", () => {
    const options = { tolerance: { money: 0, slippage: 0 }, positionLimit: 0, allowMargin: "yes" };
    expect(resolveSettings(options as never)).toEqual({
      money: 0,
      slippage: 0,
      allowMargin: false,
      positionLimit: 0,
    });
    expect(resolveSettings({ allowMargin: true }).allowMargin).toBe(true);
  });

  it("copies and freezes a per-symbol limit", () => {
    const limits: Record<string, number> = { BTC: 5 };
    const settings = resolveSettings({ positionLimit: limits });
    limits.BTC = 100;
    expect(settings.positionLimit).toEqual({ BTC: 5 });
    expect(Object.isFrozen(settings.positionLimit)).toBe(true);
  });
});

describe("bad tolerance and limit options", () => {
  it.each([
    [
      { tolerance: { money: Infinity } },
      "tolerance.money",
      "null",
      "Example: tolerance.money: 0.000001",
    ],
    [
      { tolerance: { slippage: "1" } },
      "tolerance.slippage",
      "1",
      "Example: tolerance.slippage: 0.001",
    ],
    [
      { tolerance: { money: () => 1 } },
      "tolerance.money",
      "a function",
      "Example: tolerance.money: 0.000001",
    ],
    [
      { tolerance: { money: 1n } },
      "tolerance.money",
      "bigint",
      "Example: tolerance.money: 0.000001",
    ],
    [{ positionLimit: -1 }, "positionLimit", "-1", "Example: positionLimit: 1"],
    [{ positionLimit: null }, "positionLimit", "null", "Example: positionLimit: 1"],
    [{ positionLimit: { ETH: -2 } }, "positionLimit.ETH", "-2", "Example: positionLimit.ETH: 1"],
  ])("refuses bad option %#", (options, option, received, hint) => {
    const error = refusal(options);
    expect(error.message).toBe(`\`${option}\` must be a finite number >= 0, got ${received}`);
    expect(error.hint).toBe(hint);
    expect(error.context).toEqual({ option, received });
  });
});

describe("bad strictness", () => {
  it("lists the modes, with a suggestion for a near miss", () => {
    expect(STRICTNESS_MODES).toEqual(["raise", "warn", "collect"]);
    expect(Object.isFrozen(STRICTNESS_MODES)).toBe(true);
    const near = refusal({ strictness: "colect" });
    expect(near.message).toBe("Unknown strictness `colect`");
    expect(near.hint).toBe('Did you mean "collect"? Use one of: raise, warn, collect');
    expect(near.context).toEqual({
      option: "strictness",
      received: "colect",
      suggestion: "collect",
    });
  });

  it("gives no suggestion for a value that is not text", () => {
    const far = refusal({ strictness: 42 });
    expect(far.message).toBe("Unknown strictness `42`");
    expect(far.hint).toBe("Use one of: raise, warn, collect");
    expect(far.context).toEqual({ option: "strictness", received: "42", suggestion: null });
  });

  it("accepts every mode", () => {
    for (const strictness of STRICTNESS_MODES) {
      expect(createInvariantChecker({ strictness }).invariants.length).toBe(8);
    }
  });
});
