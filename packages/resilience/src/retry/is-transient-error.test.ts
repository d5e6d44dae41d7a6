import { ConfigError, DataContractError, PeakTradeError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { CircuitOpenError } from "../errors/circuit-open-error";
import { RetryExhaustedError } from "../errors/retry-exhausted-error";
import { TimeoutError } from "../errors/timeout-error";
import { isTransientError } from "./is-transient-error";

const withFields = (fields: Record<string, unknown>, message = "failed"): Error =>
  Object.assign(new Error(message), fields);

// A kit error with the rate limiter's code, built without importing its class.
const rateLimited = (): PeakTradeError => {
  const error = new PeakTradeError("slow down", { retryable: false });
  Object.defineProperty(error, "code", { value: "RATE_LIMITED" });
  return error;
};

// Errors shaped like CCXT's: classes named after its hierarchy, no fields of their own.
class BaseError extends Error {}
class NetworkError extends BaseError {}
class RequestTimeout extends NetworkError {}
class ExchangeError extends BaseError {}

type Case = readonly [string, unknown];

describe("isTransientError", () => {
  it.each<Case>([
    ["a retryable ProviderError", new ProviderError("503")],
    ["a TimeoutError", new TimeoutError("slow", { timeoutMs: 5 })],
    ["a kit error with code RATE_LIMITED", rateLimited()],
    ...["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET"].map(
      (code) => [`code ${code}`, withFields({ code })] as const,
    ),
    ["cause.code ECONNRESET", new Error("wrapped", { cause: withFields({ code: "ECONNRESET" }) })],
    ["fetch's TypeError: fetch failed", new TypeError("fetch failed")],
    ...[408, 425, 429, 500, 502, 503, 504].map(
      (status) => [`status ${status}`, withFields({ status })] as const,
    ),
    ["statusCode 503", withFields({ statusCode: 503 })],
    ["a CCXT-shaped NetworkError subclass", new RequestTimeout("timed out")],
    ["an AbortSignal.timeout() DOMException", new DOMException("timed out", "TimeoutError")],
  ])("is true for %s", (_, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each<Case>([
    ["a ConfigError", new ConfigError("bad option")],
    ["a DataContractError", new DataContractError("bad frame")],
    [
      "a CircuitOpenError",
      new CircuitOpenError("open", { breakerName: "b", state: "open", nextAttemptAt: null }),
    ],
    [
      "a RetryExhaustedError",
      new RetryExhaustedError("gave up", { reason: "max-attempts", errors: [] }),
    ],
    ["a ProviderError marked not retryable", new ProviderError("bad key", { retryable: false })],
    ["another TypeError", new TypeError("x is not a function")],
    ["a RangeError", new RangeError("out of range")],
    ["a SyntaxError", new SyntaxError("bad JSON")],
    ["a plain Error", new Error("boom")],
    ["status 400", withFields({ status: 400 })],
    ["code ENOTFOUND (a wrong host name)", withFields({ code: "ENOTFOUND" })],
    ["a CCXT-shaped ExchangeError", new ExchangeError("insufficient funds")],
    ["an AbortError DOMException", new DOMException("aborted", "AbortError")],
    ["a string", "ECONNRESET"],
    ["null", null],
  ])("is false for %s", (_, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
