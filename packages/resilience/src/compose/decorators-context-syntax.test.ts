import { isConfigError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import type { RetryContext } from "../shared/policy";
import { createVirtualClock } from "../time/virtual-clock";
import { withRetry } from "./decorators";

// Issue 14, point 6: decorated methods get the policy context; legacy decorators are refused.
const clock = createVirtualClock();

class Quotes {
  seen: { symbol: string; limit: number | undefined; attempt: number; hasSignal: boolean }[] = [];

  @withRetry({ clock, baseDelayMs: 0, maxAttempts: 2 })
  async candles(symbol: string, limit?: number, context?: RetryContext): Promise<string> {
    const attempt = context?.attempt ?? 0;
    this.seen.push({ symbol, limit, attempt, hasSignal: context?.signal instanceof AbortSignal });
    if (attempt < 2) throw new ProviderError("flaky");
    return symbol;
  }
}

describe("decorators pass the policy context", () => {
  it("hands { signal, attempt } to the method after its declared parameters", async () => {
    const quotes = new Quotes();
    await expect(quotes.candles("BTC")).resolves.toBe("BTC");
    expect(quotes.seen).toEqual([
      { symbol: "BTC", limit: undefined, attempt: 1, hasSignal: true },
      { symbol: "BTC", limit: undefined, attempt: 2, hasSignal: true },
    ]);
  });

  it("throws a ConfigError when called as a legacy experimentalDecorators decorator", () => {
    const descriptor = { value: async () => 1, writable: true, configurable: true };
    let caught: unknown;
    try {
      (withRetry() as unknown as (t: object, k: string, d: object) => unknown)({}, "m", descriptor);
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught) && caught.message).toContain("legacy");
    expect(isConfigError(caught) && caught.hint).toContain("experimentalDecorators");
  });
});
