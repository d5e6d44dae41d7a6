import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { isRetryExhaustedError } from "../errors/retry-exhausted-error";
import { retryWithBackoff } from "../retry/retry";
import { wrap } from "../compose/wrap";
import { createVirtualClock } from "../time/virtual-clock";
import { circuitBreaker } from "./circuit-breaker";

// Issue 14, point 6: events in cause order; a retry stopped by an open breaker says so.
describe("breaker events and messages", () => {
  it("reports the outcome before the state change it causes", async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, clock: createVirtualClock() });
    const order: string[] = [];
    breaker.onOutcome((e) => order.push(`outcome ${e.type}`));
    breaker.onStateChange((e) => order.push(`state ${e.to}`));
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    expect(order).toEqual(["outcome failure", "state open"]);
  });

  it("names the open breaker in the RetryExhaustedError and keeps it as cause", async () => {
    const clock = createVirtualClock();
    const breaker = circuitBreaker({
      name: "binance",
      failureThreshold: 1,
      recoveryTimeoutMs: 4_200,
      clock,
    });
    const retry = retryWithBackoff({ clock, baseDelayMs: 0, maxAttempts: 3 });
    const error = await wrap(retry, breaker)
      .execute(() => Promise.reject(new ProviderError("502")))
      .catch((e: unknown) => e);
    expect(isRetryExhaustedError(error) && error.reason).toBe("not-retryable");
    expect((error as Error).message).toBe(
      'Gave up after 2 attempt(s): circuit "binance" is open, next probe in 4.2 s (not retryable)',
    );
    expect((error as Error).cause).toMatchObject({ code: "CIRCUIT_OPEN", breakerName: "binance" });
  });
});
