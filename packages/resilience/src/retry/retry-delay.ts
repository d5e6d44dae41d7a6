import { backoffDelay } from "./backoff";
import type { ResolvedRetryOptions } from "./retry-options";

/** The wait before the next attempt, and what the provider asked for (if anything). */
export interface NextDelay {
  /** Milliseconds to wait: the backoff delay, or the provider's wait when that is longer. */
  readonly ms: number;
  /** The error's `retryAfterMs` (a provider's `Retry-After`), or undefined. */
  readonly askedMs: number | undefined;
}

const askedWait = (error: unknown): number | undefined => {
  const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: `typeof` only narrows for TypeScript (Number.isFinite is false for non-numbers) and a negative wait never exceeds the backoff, so neither changes a delay or a stop; retry-delay.test.ts pins strings, Infinity, NaN and negatives
  return typeof asked === "number" && asked >= 0 && Number.isFinite(asked) ? asked : undefined;
};

/**
 * The delay after failed attempt `attempt`: the backoff delay, never shorter than a wait the
 * provider asked for. A provider's wait is never cut down to `maxDelayMs`; the loop gives up
 * instead when it exceeds `maxRetryAfterMs` or the deadline.
 */
export const nextDelay = (
  o: ResolvedRetryOptions,
  attempt: number,
  previousMs: number,
  error: unknown,
): NextDelay => {
  const delay = backoffDelay(o, attempt, previousMs);
  const askedMs = askedWait(error);
  return { ms: askedMs === undefined ? delay : Math.max(delay, askedMs), askedMs };
};
