import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { CircuitOpenError } from "../errors/circuit-open-error";
import { createVirtualClock } from "../time/virtual-clock";

const setup = () => {
  const clock = createVirtualClock(0);
  const breaker = circuitBreaker({
    name: "report",
    failureThreshold: 1,
    recoveryTimeoutMs: 100,
    clock,
  });
  return { clock, breaker };
};

const rejection = async (breaker: ReturnType<typeof setup>["breaker"]) => {
  const result = await breaker.tryExecute(() => "never");
  if (result.ok) throw new Error("expected a rejection");
  return result.error as CircuitOpenError;
};

describe("breaker stats and rejections", () => {
  it("shows openedAt and nextAttemptAt only while open", async () => {
    const { clock, breaker } = setup();
    expect(breaker.stats).toMatchObject({ openedAt: null, nextAttemptAt: null });
    const probe = new Promise(() => undefined);
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    expect(breaker.stats).toMatchObject({ state: "open", openedAt: 0, nextAttemptAt: 100 });
    await clock.advance(100);
    void breaker.execute(() => probe);
    expect(breaker.stats).toMatchObject({
      state: "half-open",
      openedAt: null,
      nextAttemptAt: null,
      halfOpenInFlight: 1,
    });
  });

  it("says why an open breaker rejects, with a live retryAfterMs", async () => {
    const { clock, breaker } = setup();
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    await clock.advance(30);
    const error = await rejection(breaker);
    expect(error.message).toBe('Circuit breaker "report" is open; call rejected');
    expect(error.hint).toBe(
      "Serve a fallback or retry after `retryAfterMs`; see breaker.stats for the cause",
    );
    expect(error.retryAfterMs).toBe(70);
    expect(Object.keys(error)).toContain("retryAfterMs");
    expect(Object.getOwnPropertyDescriptor(error, "retryAfterMs")?.configurable).toBe(true);
  });

  it("says why a half-open breaker with its probe slot taken rejects", async () => {
    const { clock, breaker } = setup();
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    await clock.advance(100);
    void breaker.execute(() => new Promise(() => undefined));
    const error = await rejection(breaker);
    expect(error.message).toBe(
      'Circuit breaker "report" is half-open and all probe slots are taken; call rejected',
    );
    expect(error.state).toBe("half-open");
  });
});
