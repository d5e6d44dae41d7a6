import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { CircuitBreakerOptions } from "./breaker-options";

// Which option a circuit breaker's ConfigError names, what it expected and what it got.

const errorOf = (options: unknown): ConfigError => {
  try {
    circuitBreaker(options as CircuitBreakerOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
};

const optionOf = (options: unknown): unknown => errorOf(options).context.option;

describe("circuitBreaker option errors", () => {
  it("names the breaker circuit-breaker by default", () => {
    expect(circuitBreaker({}).name).toBe("circuit-breaker");
    expect(circuitBreaker({}).toJSON().name).toBe("circuit-breaker");
  });

  it("names each bad top-level option", () => {
    expect(optionOf({ successThreshold: 0 })).toBe("successThreshold");
    expect(optionOf({ slowCallMs: -1 })).toBe("slowCallMs");
    expect(optionOf({ failureThreshold: 1.5 })).toBe("failureThreshold");
    expect(optionOf({ halfOpenMaxCalls: 0 })).toBe("halfOpenMaxCalls");
    expect(optionOf({ recoveryTimeoutMs: Number.NaN })).toBe("recoveryTimeoutMs");
  });

  it("names each bad strategy setting with its strategy. prefix", () => {
    expect(optionOf({ strategy: { kind: "consecutive", threshold: 0 } })).toBe(
      "strategy.threshold",
    );
    expect(optionOf({ strategy: { kind: "count", windowSize: 0, failureRate: 0.5 } })).toBe(
      "strategy.windowSize",
    );
    expect(
      optionOf({ strategy: { kind: "count", windowSize: 4, failureRate: 0.5, minimumCalls: 0 } }),
    ).toBe("strategy.minimumCalls");
    expect(optionOf({ strategy: { kind: "count", windowSize: 4, failureRate: 0 } })).toBe(
      "strategy.failureRate",
    );
    const time = { kind: "time", windowMs: 1_000, failureRate: 0.5, minimumCalls: 2 };
    expect(optionOf({ strategy: { ...time, windowMs: 0 } })).toBe("strategy.windowMs");
    expect(optionOf({ strategy: { ...time, buckets: 0 } })).toBe("strategy.buckets");
    expect(optionOf({ strategy: { ...time, failureRate: 1.5 } })).toBe("strategy.failureRate");
    expect(optionOf({ strategy: { ...time, minimumCalls: 0 } })).toBe("strategy.minimumCalls");
  });

  it("lists the strategy kinds and shows the unknown kind it got", () => {
    const error = errorOf({ strategy: { kind: "nope" } });
    expect(error.message).toBe(
      'Expected `strategy.kind` to be "consecutive", "count" or "time", got "nope"',
    );
    expect(error.context).toMatchObject({ option: "strategy.kind", received: '"nope"' });
  });

  it("shows a strategy that is not an object as it is", () => {
    expect(errorOf({ strategy: "count" }).context.received).toBe('"count"');
    expect(errorOf({ strategy: 3 }).context.received).toBe("3");
    expect(errorOf({ strategy: { kind: 7 } }).context.received).toBe("7");
  });
});
