import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { HealthCheck } from "../health/health-check";
import { retryWithBackoff } from "../retry/retry";
import { timeout } from "../timeout/timeout";

// Issue 14, point 5: a typo in an options object is a ConfigError with a suggestion.
const thrown = (
  make: () => unknown,
): { message: string; hint?: string | undefined; context: object } => {
  try {
    make();
  } catch (error) {
    if (isConfigError(error)) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("unknown option keys", () => {
  it.each([
    [
      "circuitBreaker",
      () => circuitBreaker({ failureTreshold: 3 } as never),
      "failureTreshold",
      "failureThreshold",
    ],
    [
      "circuitBreaker",
      () => circuitBreaker({ recoveryTimeout: 1 } as never),
      "recoveryTimeout",
      "recoveryTimeoutMs",
    ],
    [
      "circuitBreaker strategy",
      () =>
        circuitBreaker({
          strategy: { kind: "count", windowSize: 10, failureRate: 0.5, minimumCall: 5 } as never,
        }),
      "minimumCall",
      "minimumCalls",
    ],
    [
      "retryWithBackoff",
      () => retryWithBackoff({ maxAtempts: 2 } as never),
      "maxAtempts",
      "maxAttempts",
    ],
    [
      "retryWithBackoff",
      () => retryWithBackoff({ retryAfterMs: 2 } as never),
      "retryAfterMs",
      "maxRetryAfterMs",
    ],
    ["timeout", () => timeout(10, { mdoe: "aggressive" } as never), "mdoe", "mode"],
    [
      "HealthCheck.register",
      () => new HealthCheck().register("db", () => true, { timeout: 5 } as never),
      "timeout",
      "timeoutMs",
    ],
  ])("%s rejects `%s` naming it and suggesting the closest key", (owner, make, key, suggestion) => {
    const error = thrown(make);
    expect(error.message).toBe(`Unknown option \`${key}\` passed to ${owner}()`);
    expect(error.hint).toBe(`Did you mean \`${suggestion}\`?`);
    expect(error.context).toMatchObject({ option: key, owner });
  });

  it("lists the valid keys when none is close", () => {
    const error = thrown(() => timeout(10, { colour: "red" } as never));
    expect(error.hint).toBe("Valid options: mode, clock");
  });

  it("accepts every documented key", () => {
    expect(() =>
      retryWithBackoff({
        maxAttempts: 2,
        maxRetryAfterMs: 10,
        deadlineMs: 100,
      }),
    ).not.toThrow();
    expect(() => circuitBreaker({ name: "b", maxHalfOpenMs: 0, slowCallMs: 10 })).not.toThrow();
  });
});
