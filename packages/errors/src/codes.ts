/**
 * Every stable, machine-readable error code in the `@peak/*` kit.
 *
 * Codes never change once released, so callers can `switch` on `error.code` and the
 * compiler checks that every case is handled.
 */
export const ERROR_CODES = [
  "PEAK_TRADE",
  "DATA_CONTRACT",
  "CONFIG",
  "PROVIDER",
  "CACHE_CORRUPTION",
  "CACHE_WRITE",
  "CACHE_MISS",
  "BACKTEST_INVARIANT",
  "CIRCUIT_OPEN",
  "RETRY_EXHAUSTED",
  "TIMEOUT",
  "RATE_LIMITED",
  "BULKHEAD_FULL",
] as const;

/** A stable error code; see {@link ERROR_CODES}. */
export type PeakErrorCode = (typeof ERROR_CODES)[number];
