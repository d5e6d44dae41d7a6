import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { isCircuitOpenError } from "../errors/circuit-open-error";
import { withCircuitBreaker, withRetry } from "./decorators";
import { createVirtualClock } from "../time/virtual-clock";

// Compiled by TypeScript's standard (TC39) decorator transform: see vitest.config.ts.
const clock = createVirtualClock();

class Exchange {
  calls = 0;

  @withCircuitBreaker({ failureThreshold: 1, clock })
  async ticker(symbol: string): Promise<string> {
    this.calls += 1;
    if (symbol === "bad") throw new ProviderError("down");
    return `${symbol}:42`;
  }

  @withRetry({ clock, baseDelayMs: 0, maxAttempts: 3 })
  async flaky(): Promise<number> {
    this.calls += 1;
    if (this.calls < 3) throw new ProviderError("flaky");
    return this.calls;
  }
}

describe("decorators with @ syntax", () => {
  it("keeps the method's this, arguments and result", async () => {
    const exchange = new Exchange();
    await expect(exchange.ticker("BTC")).resolves.toBe("BTC:42");
    expect(exchange.calls).toBe(1);
  });

  it("gives each instance its own breaker", async () => {
    const a = new Exchange();
    const b = new Exchange();
    await a.ticker("bad").catch(() => undefined);
    const rejected = await a.ticker("BTC").catch((e: unknown) => e);
    expect(isCircuitOpenError(rejected) && rejected.breakerName).toBe("Exchange.ticker");
    await expect(b.ticker("BTC")).resolves.toBe("BTC:42");
  });

  it("retries a decorated method", async () => {
    await expect(new Exchange().flaky()).resolves.toBe(3);
  });
});
