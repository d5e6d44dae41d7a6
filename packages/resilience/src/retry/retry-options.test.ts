import { ConfigError, PeakTradeError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { isRetryableError, resolveRetryOptions } from "./retry-options";

const configError = (options: Record<string, unknown>): ConfigError => {
  try {
    resolveRetryOptions(options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("isRetryableError", () => {
  it("is true only for a @peak/errors error marked retryable", () => {
    expect(isRetryableError(new ProviderError("503"))).toBe(true);
    expect(isRetryableError(new ProviderError("400", { retryable: false }))).toBe(false);
    expect(isRetryableError(new PeakTradeError("bug"))).toBe(false);
    expect(isRetryableError(Object.assign(new Error("plain"), { retryable: true }))).toBe(false);
    expect(isRetryableError({ retryable: true })).toBe(false);
    expect(isRetryableError(undefined)).toBe(false);
  });
});

describe("resolveRetryOptions", () => {
  it("accepts Infinity for maxAttempts and maxRetryAfterMs", () => {
    const resolved = resolveRetryOptions({ maxAttempts: Infinity, maxRetryAfterMs: Infinity });
    expect(resolved.maxAttempts).toBe(Infinity);
    expect(resolved.maxRetryAfterMs).toBe(Infinity);
  });

  it("defaults maxRetryAfterMs to maxDelayMs and keeps a chosen backoff", () => {
    const resolved = resolveRetryOptions({ maxDelayMs: 5_000, backoff: "constant" });
    expect(resolved.maxRetryAfterMs).toBe(5_000);
    expect(resolved.backoff).toBe("constant");
    expect(resolveRetryOptions({}).backoff).toBe("exponential");
  });

  it.each([
    ["maxDelayMs", -1, "a finite number >= 0"],
    ["maxRetryAfterMs", -1, "a finite number >= 0"],
    ["deadlineMs", -1, "a finite number >= 0"],
    ["backoff", "linear", 'one of "exponential", "constant"'],
  ])("names a bad %s in the ConfigError", (option, value, expected) => {
    const error = configError({ [option]: value });
    expect(error.message).toBe(
      `Expected \`${option}\` to be ${expected}, got ${typeof value === "string" ? `"${value}"` : value}`,
    );
    expect(error.context).toMatchObject({ option, owner: "retryWithBackoff" });
    expect(error.hint).toContain(`as \`${option}\` to retryWithBackoff()`);
  });
});
