import { describe, expect, it } from "vitest";
import { BacktestInvariantError } from "./backtest-invariant-error";
import { CacheCorruptionError } from "./cache-corruption-error";
import { ConfigError } from "./config-error";
import { DataContractError } from "./data-contract-error";
import { isPeakTradeError, PeakTradeError } from "./peak-trade-error";
import { ProviderError } from "./provider-error";

describe("PeakTradeError", () => {
  it("keeps message, hint, context and cause", () => {
    const cause = new RangeError("low level");
    const error = new PeakTradeError("boom", { hint: "fix it", context: { key: "value" }, cause });
    expect(error.message).toBe("boom");
    expect(error.hint).toBe("fix it");
    expect(error.context).toEqual({ key: "value" });
    expect(error.cause).toBe(cause);
    expect(error.code).toBe("PEAK_TRADE");
    expect(error.retryable).toBe(false);
  });

  it("has an empty frozen context when none is given", () => {
    const error = new PeakTradeError("x");
    expect(error.context).toEqual({});
    expect(Object.isFrozen(error.context)).toBe(true);
  });

  it("copies context so later changes to the caller's object do not leak in", () => {
    const ctx: Record<string, unknown> = { a: 1 };
    const error = new PeakTradeError("x", { context: ctx });
    ctx.a = 2;
    expect(error.context.a).toBe(1);
  });

  it("has no cause property when none is given", () => {
    expect("cause" in new PeakTradeError("x")).toBe(false);
  });

  it("treats an empty hint as no hint", () => {
    expect(new PeakTradeError("x", { hint: "" }).hint).toBeUndefined();
  });

  it("prints hint, context and cause on their own lines", () => {
    const error = new ConfigError("Unknown config key", {
      hint: "Available strategies: ma_cross, rsi",
      context: { key: "value", count: 42 },
      cause: new RangeError("Low-level error"),
    });
    expect(error.toString()).toBe(
      [
        "ConfigError: Unknown config key",
        "Hint: Available strategies: ma_cross, rsi",
        'Context: {"key":"value","count":42}',
        "Caused by: RangeError: Low-level error",
      ].join("\n"),
    );
  });

  it("prints only the first line when there is no hint, context or cause", () => {
    expect(new DataContractError("Missing columns").toString()).toBe(
      "DataContractError: Missing columns",
    );
  });

  it("prints a non-Error cause as JSON", () => {
    expect(new PeakTradeError("x", { cause: "text" }).toString()).toContain('Caused by: "text"');
  });

  it.each([
    [DataContractError, "DataContractError", "DATA_CONTRACT"],
    [ConfigError, "ConfigError", "CONFIG"],
    [ProviderError, "ProviderError", "PROVIDER"],
    [CacheCorruptionError, "CacheCorruptionError", "CACHE_CORRUPTION"],
    [BacktestInvariantError, "BacktestInvariantError", "BACKTEST_INVARIANT"],
  ] as const)("%o has its own name and code", (Ctor, name, code) => {
    const error = new Ctor("m");
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(PeakTradeError);
    expect(error).toBeInstanceOf(Error);
    expect(isPeakTradeError(error)).toBe(true);
    expect(Ctor.isInstance(error)).toBe(true);
    expect(String(error.stack)).toContain(`${name}: m`);
  });

  it("does not confuse sibling classes", () => {
    expect(ConfigError.isInstance(new DataContractError("x"))).toBe(false);
    expect(DataContractError.isInstance(new PeakTradeError("x"))).toBe(false);
    expect(isPeakTradeError(new Error("x"))).toBe(false);
    expect(isPeakTradeError(null)).toBe(false);
    expect(isPeakTradeError("PeakTradeError")).toBe(false);
  });

  it("recognises a foreign copy by its registered brand", () => {
    const foreign = Object.assign(new Error("x"), {
      [Symbol.for("@peak/errors/PeakTradeError")]: true,
      [Symbol.for("@peak/errors/ConfigError")]: true,
    });
    expect(isPeakTradeError(foreign)).toBe(true);
    expect(ConfigError.isInstance(foreign)).toBe(true);
    expect(DataContractError.isInstance(foreign)).toBe(false);
  });

  it("keeps brands out of enumerable keys", () => {
    const error = new ConfigError("x");
    expect(
      Object.getOwnPropertySymbols(error).every(
        (s) => !Object.getOwnPropertyDescriptor(error, s)?.enumerable,
      ),
    ).toBe(true);
  });
});

describe("ProviderError", () => {
  it("is retryable by default and carries Retry-After", () => {
    const error = new ProviderError("429", { retryAfterMs: 2000 });
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
  });

  it("can be marked not retryable", () => {
    expect(new ProviderError("bad key", { retryable: false }).retryable).toBe(false);
  });
});
