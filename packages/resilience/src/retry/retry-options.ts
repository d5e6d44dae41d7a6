import { isPeakTradeError } from "@peak/errors";
import { isTransientError } from "./is-transient-error";
import type { BackoffKind, BackoffSettings, JitterKind } from "./backoff";
import { systemClock, type Clock } from "../time/clock";
import { toErrorPredicate, type ErrorClass } from "../shared/error-matcher";
import { checkKeys } from "../shared/check-keys";
import { checkChoice, checkInteger, checkNumber } from "../shared/validate";

/** Passed to `onRetry` before each wait. */
export interface RetryEvent {
  /** The attempt that just failed (1 = the first call). */
  readonly attempt: number;
  /** How long the policy will wait before the next attempt. */
  readonly delayMs: number;
  readonly error: unknown;
}

/** Options of {@link retryWithBackoff}. */
export interface RetryOptions {
  /** Total attempts **including the first call** (3 = one call + up to two retries). @defaultValue 3 */
  maxAttempts?: number;
  /** Delay before the first retry. @defaultValue 1_000 */
  baseDelayMs?: number;
  /** Cap on every backoff delay, in every mode. @defaultValue 60_000 */
  maxDelayMs?: number;
  /**
   * The longest wait a provider may ask for (an error's `retryAfterMs`, e.g. from a
   * `Retry-After` header; see {@link parseRetryAfter}). Such a wait is never shortened: when it
   * exceeds this (or the time left before `deadlineMs`), the policy gives up at once with a
   * `RetryExhaustedError` (reason `"retry-after"`) saying how long the provider asked for.
   * `Infinity` allowed. @defaultValue maxDelayMs
   */
  maxRetryAfterMs?: number;
  /** Growth of the delay: base × 2^(retry − 1), or always base. @defaultValue "exponential" */
  backoff?: BackoffKind;
  /** Randomisation of each delay. @defaultValue "full" */
  jitter?: JitterKind;
  /** Random source for jitter, returning [0, 1). @defaultValue Math.random */
  random?: () => number;
  /**
   * Which errors to retry: error classes, or a predicate that also sees the attempt number.
   * @defaultValue {@link isTransientError}: network and socket errors, `fetch failed`, HTTP
   * 408/425/429/5xx, retryable `@peak/errors` errors, timeouts and rate limits
   */
  retryOn?: ((error: unknown, attempt: number) => boolean) | readonly ErrorClass[];
  /** Aborting it stops at once: the wait ends and the function is never called again. */
  signal?: AbortSignal;
  /** Overall time budget for all attempts and waits, from the first call. @defaultValue none */
  deadlineMs?: number;
  /** Called before each wait (a throwing callback is ignored). */
  onRetry?: (event: RetryEvent) => void;
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
}

/** Retry options with defaults filled in and checked. */
export interface ResolvedRetryOptions extends BackoffSettings {
  readonly maxAttempts: number;
  readonly retryOn: (error: unknown, attempt: number) => boolean;
  readonly signal: AbortSignal | undefined;
  readonly deadlineMs: number;
  readonly maxRetryAfterMs: number;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly clock: Clock;
}

const OWNER = "retryWithBackoff";

const KEYS = [
  "maxAttempts",
  "baseDelayMs",
  "maxDelayMs",
  "maxRetryAfterMs",
  "backoff",
  "jitter",
  "random",
  "retryOn",
  "signal",
  "deadlineMs",
  "onRetry",
  "clock",
] as const satisfies readonly (keyof RetryOptions)[];

/**
 * Any `@peak/errors` error that says it is retryable (the `retryOn` default before
 * {@link isTransientError}, which also covers plain network errors).
 */
export const isRetryableError = (error: unknown): boolean =>
  isPeakTradeError(error) && error.retryable;

/** Checks `options` and fills in defaults; throws a `ConfigError` naming a bad option. */
export const resolveRetryOptions = (options: RetryOptions): ResolvedRetryOptions => {
  checkKeys(OWNER, options, KEYS);
  const retryOn = options.retryOn;
  const maxDelayMs = checkNumber(OWNER, "maxDelayMs", options.maxDelayMs, 60_000);
  return {
    maxAttempts: checkInteger(OWNER, "maxAttempts", options.maxAttempts, 3, 1, true),
    baseDelayMs: checkNumber(OWNER, "baseDelayMs", options.baseDelayMs, 1_000),
    maxDelayMs,
    maxRetryAfterMs:
      options.maxRetryAfterMs === Infinity
        ? Infinity
        : checkNumber(OWNER, "maxRetryAfterMs", options.maxRetryAfterMs, maxDelayMs),
    backoff: checkChoice(
      OWNER,
      "backoff",
      options.backoff,
      ["exponential", "constant"],
      "exponential",
    ),
    jitter: checkChoice(
      OWNER,
      "jitter",
      options.jitter,
      ["none", "full", "equal", "decorrelated"],
      "full",
    ),
    random: options.random ?? Math.random,
    retryOn:
      // Stryker disable next-line StringLiteral: toErrorPredicate returns a function filter unchanged too
      typeof retryOn === "function"
        ? retryOn
        : toErrorPredicate(OWNER, "retryOn", retryOn, isTransientError),
    signal: options.signal,
    deadlineMs: checkNumber(OWNER, "deadlineMs", options.deadlineMs, Infinity),
    onRetry: options.onRetry,
    clock: options.clock ?? systemClock,
  };
};
