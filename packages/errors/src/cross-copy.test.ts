import { describe, expect, it, vi } from "vitest";

// Loads a second, independent copy of every module in the package, as pnpm does when two
// versions of @peak/errors end up in one dependency tree.
const loadCopy = async () => {
  vi.resetModules();
  return import("./index");
};

describe("two copies of @peak/errors", () => {
  it("have distinct classes, so instanceof fails across them", async () => {
    const a = await loadCopy();
    const b = await loadCopy();
    expect(a.ConfigError).not.toBe(b.ConfigError);
    expect(new b.ConfigError("x")).not.toBeInstanceOf(a.ConfigError);
  });

  it("still recognise each other's errors through the brand", async () => {
    const a = await loadCopy();
    const b = await loadCopy();
    const error = new b.ProviderError("down");
    expect(a.isPeakTradeError(error)).toBe(true);
    expect(a.ProviderError.isInstance(error)).toBe(true);
    expect(a.isProviderError(error)).toBe(true);
    expect(a.ConfigError.isInstance(error)).toBe(false);
  });
});
