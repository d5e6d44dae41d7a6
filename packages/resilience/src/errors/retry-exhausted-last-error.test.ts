import { describe, expect, it } from "vitest";
import { RetryExhaustedError } from "./retry-exhausted-error";

// Which error a RetryExhaustedError reports as the last one and as its cause.

describe("RetryExhaustedError lastError", () => {
  it("is the last attempt's error when attempts failed", () => {
    const first = new Error("first");
    const last = new Error("last");
    const error = new RetryExhaustedError("gave up", {
      reason: "max-attempts",
      errors: [first, last],
    });
    expect(error.lastError).toBe(last);
    expect(error.cause).toBe(last);
    expect(error.attempts).toBe(2);
  });

  it("is the given cause (such as the abort reason) when no attempt failed", () => {
    const reason = new Error("caller aborted");
    const error = new RetryExhaustedError("aborted", {
      reason: "aborted",
      errors: [],
      cause: reason,
    });
    expect(error.lastError).toBe(reason);
    expect(error.cause).toBe(reason);
    expect(error.attempts).toBe(0);
    expect(error.context).toEqual({ reason: "aborted", attempts: 0 });
  });
});
