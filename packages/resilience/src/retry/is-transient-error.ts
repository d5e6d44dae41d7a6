import { isPeakTradeError } from "@peak/errors";

// Socket, DNS and undici (Node's fetch) codes of failures that a later attempt may not meet.
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

// HTTP statuses that say "try again later": timeout, too early, too many requests, 5xx.
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

// Class names whose instances are transient whatever their fields say: CCXT's `NetworkError`
// (the base of its RequestTimeout, ExchangeNotAvailable, DDoSProtection, RateLimitExceeded,
// OnMaintenance and InvalidNonce) and the DOMException of `AbortSignal.timeout()`.
const TRANSIENT_NAMES: ReadonlySet<string> = new Set(["NetworkError", "TimeoutError"]);

type Fields = { code?: unknown; status?: unknown; statusCode?: unknown; cause?: unknown };

const hasTransientFields = (error: Fields): boolean =>
  (typeof error.code === "string" && TRANSIENT_CODES.has(error.code)) ||
  (typeof error.status === "number" && TRANSIENT_STATUSES.has(error.status)) ||
  (typeof error.statusCode === "number" && TRANSIENT_STATUSES.has(error.statusCode));

// True when `error` or one of its prototypes' constructors has a transient class name.
const hasTransientName = (error: object): boolean => {
  if (TRANSIENT_NAMES.has((error as { name?: unknown }).name as string)) return true;
  for (
    let p = Object.getPrototypeOf(error) as object | null;
    p !== null && p !== Error.prototype;

  ) {
    const ctor = (p as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === "string" && TRANSIENT_NAMES.has(ctor.name)) return true;
    p = Object.getPrototypeOf(p) as object | null;
  }
  return false;
};

const isFetchFailed = (error: object): boolean =>
  error instanceof TypeError && error.message === "fetch failed";

/**
 * The default `retryOn` of {@link retryWithBackoff}: true for failures a later attempt may not
 * meet, false for programmer and contract errors.
 *
 * True for: a `@peak/errors` error marked `retryable` (a `ProviderError` unless created with
 * `retryable: false`, a `TimeoutError`) or with code `RATE_LIMITED`; an error whose `code`, or
 * its `cause`'s, is a transient socket/DNS/undici code (`ECONNRESET`, `ECONNREFUSED`,
 * `ETIMEDOUT`, `EPIPE`, `EAI_AGAIN`, `UND_ERR_SOCKET`, …); `fetch`'s `TypeError: fetch failed`;
 * an error carrying an HTTP `status`/`statusCode` of 408, 425, 429, 500, 502, 503 or 504; a
 * CCXT `NetworkError` (any class of that name in its prototype chain) and a `TimeoutError`
 * `DOMException`. False for everything else, among them `ConfigError`, `DataContractError`,
 * `CircuitOpenError`, `RetryExhaustedError` and other `TypeError`/`RangeError`/`SyntaxError`s.
 *
 * @example
 * ```ts
 * import * as ccxt from "ccxt";
 * const retry = retryWithBackoff({
 *   retryOn: (error) => isTransientError(error) || error instanceof ccxt.ExchangeError,
 * });
 * ```
 */
export const isTransientError = (error: unknown): boolean => {
  if (typeof error !== "object" || error === null) return false;
  if (isPeakTradeError(error)) return error.retryable || error.code === ("RATE_LIMITED" as string);
  if (hasTransientFields(error as Fields) || isFetchFailed(error) || hasTransientName(error)) {
    return true;
  }
  const cause = (error as Fields).cause;
  return typeof cause === "object" && cause !== null && hasTransientFields(cause as Fields);
};
