import { describe, expect, it } from "vitest";
import { BacktestInvariantError, isBacktestInvariantError } from "./backtest-invariant-error";
import { CacheCorruptionError, isCacheCorruptionError } from "./cache-corruption-error";
import { ConfigError, isConfigError } from "./config-error";
import { DataContractError, isDataContractError } from "./data-contract-error";
import { isPeakTradeError, PeakTradeError } from "./peak-trade-error";
import { isProviderError, ProviderError } from "./provider-error";

// Each class with its guard. The brand is the registered symbol `@peak/errors/<class>`: copies
// of this package that are already published set exactly that symbol, so its name is a contract
// between versions (a copy loaded beside this one in the same test would share any renaming).
const CLASSES = [
  [ConfigError, isConfigError],
  [DataContractError, isDataContractError],
  [CacheCorruptionError, isCacheCorruptionError],
  [BacktestInvariantError, isBacktestInvariantError],
  [ProviderError, isProviderError],
  [PeakTradeError, isPeakTradeError],
] as const;

/** An error as another copy of the package makes it: only the registered brand, no shared class. */
const fromOtherVersion = (className: string): Error => {
  const error = new Error("from another version");
  Object.defineProperty(error, Symbol.for(`@peak/errors/${className}`), { value: true });
  return error;
};

describe("error brands", () => {
  it.each(CLASSES)("%o carries the registered symbol of its class name", (Class, is) => {
    const error = new Class("m");
    expect(
      (error as unknown as Record<symbol, unknown>)[Symbol.for(`@peak/errors/${Class.name}`)],
    ).toBe(true);
    expect(is(error)).toBe(true);
    expect(Class.isInstance(error)).toBe(true);
  });

  it.each(CLASSES)(
    "%o recognises an error of another version by that symbol alone",
    (Class, is) => {
      expect(is(fromOtherVersion(Class.name))).toBe(true);
      expect(Class.isInstance(fromOtherVersion(Class.name))).toBe(true);
    },
  );

  it.each(CLASSES)("%o's guard says false for other errors and for non-errors", (Class, is) => {
    for (const [Other] of CLASSES) {
      if (Other === Class || Class === PeakTradeError) continue;
      expect(is(new Other("m"))).toBe(false);
    }
    for (const value of [new Error("plain"), {}, null, undefined, "ConfigError", 1]) {
      expect(is(value)).toBe(false);
    }
    expect(is(fromOtherVersion(`${Class.name}X`))).toBe(false);
  });

  it("brands a subclass as a PeakTradeError too", () => {
    for (const [Class] of CLASSES) expect(isPeakTradeError(new Class("m"))).toBe(true);
  });
});
