import { describe, expect, it } from "vitest";
import { BulkheadRejectedError, isBulkheadRejectedError } from "./bulkhead-rejected-error";
import { CircuitOpenError, isCircuitOpenError } from "./circuit-open-error";
import { RateLimitedError, isRateLimitedError } from "./rate-limited-error";
import { RetryExhaustedError, isRetryExhaustedError } from "./retry-exhausted-error";
import { TimeoutError, isTimeoutError } from "./timeout-error";

// The error guards recognise errors from another copy of the package by a registered symbol
// named after the class, and nothing else.

const fromAnotherCopy = (className: string): object => {
  const error = new Error("from another copy");
  Object.defineProperty(error, Symbol.for(`@peak/resilience/${className}`), { value: true });
  return error;
};

const bulkheadError = new BulkheadRejectedError("full", {
  bulkheadName: "orders",
  reason: "full",
  maxConcurrent: 1,
  maxQueue: 0,
});
const rateError = new RateLimitedError("limited", {
  limiterName: "api",
  key: undefined,
  weight: 1,
  retryAfterMs: 50,
});
const retryError = new RetryExhaustedError("gave up", { reason: "max-attempts", errors: [1] });

describe("error brands", () => {
  it.each([
    ["BulkheadRejectedError", isBulkheadRejectedError, BulkheadRejectedError.isInstance],
    ["RateLimitedError", isRateLimitedError, RateLimitedError.isInstance],
    ["RetryExhaustedError", isRetryExhaustedError, RetryExhaustedError.isInstance],
    ["TimeoutError", isTimeoutError, TimeoutError.isInstance],
    ["CircuitOpenError", isCircuitOpenError, CircuitOpenError.isInstance],
  ])("recognises a %s from another copy", (className, guard, isInstance) => {
    expect(guard(fromAnotherCopy(className))).toBe(true);
    expect(isInstance(fromAnotherCopy(className))).toBe(true);
  });

  it("recognises each class's own errors and only those", () => {
    expect([isBulkheadRejectedError(bulkheadError), isBulkheadRejectedError(rateError)]).toEqual([
      true,
      false,
    ]);
    expect([isRateLimitedError(rateError), isRateLimitedError(retryError)]).toEqual([true, false]);
    expect([isRetryExhaustedError(retryError), isRetryExhaustedError(bulkheadError)]).toEqual([
      true,
      false,
    ]);
    expect(isRateLimitedError(new Error("plain"))).toBe(false);
    expect(RateLimitedError.isInstance(null)).toBe(false);
  });

  it("keeps a TimeoutError's own context beside its timeoutMs", () => {
    const error = new TimeoutError("slow", { timeoutMs: 250, context: { venue: "binance" } });
    expect(error.context).toEqual({ venue: "binance", timeoutMs: 250 });
    expect(error.timeoutMs).toBe(250);
  });
});
