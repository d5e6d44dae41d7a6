import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { retryWithBackoff } from "../retry/retry";
import type { RetryOptions } from "../retry/retry-options";
import { isRetryExhaustedError, type RetryExhaustedError } from "../errors/retry-exhausted-error";
import { createVirtualClock } from "../time/virtual-clock";

// Peer scenarios (issue 14): what cockatiel's and p-retry-style docs promise of a retry,
// as our own tests against our API. Randomness comes from a fixed list of values.

const randoms = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

// Runs a call that always fails and returns the delays the policy chose, plus the virtual
// times at which each attempt started.
const delaysOf = async (options: RetryOptions) => {
  const clock = createVirtualClock(0);
  const delays: number[] = [];
  const startedAt: number[] = [];
  const retry = retryWithBackoff({
    clock,
    retryOn: [ProviderError],
    onRetry: (e) => delays.push(e.delayMs),
    ...options,
  });
  const done = retry
    .execute(() => (startedAt.push(clock.now()), Promise.reject(new ProviderError("down"))))
    .catch((e: unknown) => e);
  await clock.runAll();
  return { delays, startedAt, error: await done };
};

const EXTREMES = [0, 0.999_999, 0.5, 0.25, 0.75];

describe("peer scenarios: retry jitter bounds", () => {
  it("full jitter (cockatiel's 'full'): each delay lies in [0, base x 2^(n-1)]", async () => {
    const { delays, startedAt } = await delaysOf({
      maxAttempts: 6,
      baseDelayMs: 100,
      jitter: "full",
      random: randoms(...EXTREMES),
    });
    expect(delays).toHaveLength(5);
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(100 * 2 ** i);
    });
    expect(delays[0]).toBe(0);
    // The next attempt really starts after the chosen delay on the clock.
    startedAt
      .slice(1)
      .forEach((t, i) => expect(t - (startedAt[i] ?? 0)).toBeCloseTo(delays[i] ?? NaN, 6));
  });

  it("equal jitter (cockatiel's 'half'): each delay lies in [d/2, d]", async () => {
    const { delays } = await delaysOf({
      maxAttempts: 6,
      baseDelayMs: 100,
      jitter: "equal",
      random: randoms(...EXTREMES),
    });
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual((100 * 2 ** i) / 2);
      expect(d).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });

  it("decorrelated jitter (cockatiel's default): each delay lies in [base, 3 x previous], capped", async () => {
    const { delays } = await delaysOf({
      maxAttempts: 8,
      baseDelayMs: 100,
      maxDelayMs: 2_000,
      jitter: "decorrelated",
      random: randoms(0.999_999, 0.999_999, 0, 0.5, 0.999_999),
    });
    let previous = 100;
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(Math.min(2_000, previous * 3));
      previous = d;
    }
    expect(Math.max(...delays)).toBeLessThanOrEqual(2_000);
  });

  it("no jitter: exact exponential delays, every one capped by maxDelayMs", async () => {
    const { delays, startedAt } = await delaysOf({
      maxAttempts: 6,
      baseDelayMs: 100,
      maxDelayMs: 500,
      jitter: "none",
    });
    expect(delays).toEqual([100, 200, 400, 500, 500]);
    expect(startedAt).toEqual([0, 100, 300, 700, 1_200, 1_700]);
  });

  it("differs from cockatiel and p-retry: maxAttempts counts the first call (3 = 1 call + 2 retries), because it keeps the Python original's max_attempts (total calls, as resilience4j)", async () => {
    const { startedAt, error } = await delaysOf({ maxAttempts: 3, baseDelayMs: 10 });
    expect(startedAt).toHaveLength(3);
    expect(error).toMatchObject({ reason: "max-attempts", attempts: 3 });
  });
});

describe("peer scenarios: abort", () => {
  it("p-retry: abort during the backoff rejects at once and never calls the function again; differs from cockatiel, which waits out the backoff and calls again", async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, baseDelayMs: 2_000, jitter: "none", maxAttempts: 5 });
    let calls = 0;
    let settledAt: number | undefined;
    const done = retry
      .execute(() => (calls++, Promise.reject(new ProviderError("down"))), controller.signal)
      .catch((e: unknown) => ((settledAt = clock.now()), e));
    await clock.advance(50);
    const reason = new Error("user cancelled");
    controller.abort(reason);
    const error = (await done) as RetryExhaustedError;
    expect(settledAt).toBe(50);
    expect(clock.pendingTimers).toBe(0);
    await clock.runAll();
    expect(calls).toBe(1);
    expect(isRetryExhaustedError(error)).toBe(true);
    expect(error).toMatchObject({ reason: "aborted", attempts: 1 });
    expect(error.lastError).toBeInstanceOf(ProviderError);
  });

  it("differs from p-retry: an abort after an attempt rejects with RetryExhaustedError (reason 'aborted'), not with signal.reason itself, because the attempts' errors are kept", async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, baseDelayMs: 1_000, jitter: "none" });
    const done = retry
      .execute(() => Promise.reject(new ProviderError("down")), controller.signal)
      .catch((e: unknown) => e);
    await clock.flush();
    const reason = new Error("user cancelled");
    controller.abort(reason);
    const error = (await done) as RetryExhaustedError;
    expect(error).not.toBe(reason);
    expect(error.reason).toBe("aborted");
    // The abort reason is not carried at all once an attempt has failed: cause is the last
    // attempt's error.
    expect(error.errors).toEqual([expect.any(ProviderError)]);
    expect(error.cause).toBe(error.lastError);
    expect(error.cause).not.toBe(reason);
  });

  it("cockatiel/p-retry: abort during a call aborts that attempt's signal with the caller's reason and no retry follows (ours wraps it in RetryExhaustedError)", async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, baseDelayMs: 10, retryOn: () => true });
    const seen: unknown[] = [];
    let calls = 0;
    const done = retry
      .execute(
        ({ signal }) =>
          new Promise<never>((_, reject) => {
            calls += 1;
            signal.addEventListener("abort", () => {
              seen.push(signal.reason);
              reject(signal.reason as Error);
            });
          }),
        controller.signal,
      )
      .catch((e: unknown) => e);
    await clock.flush();
    const reason = new Error("shutdown");
    controller.abort(reason);
    const error = await done;
    await clock.runAll();
    expect(seen).toEqual([reason]);
    expect(calls).toBe(1);
    // The attempt rejected with the reason, so here it is reachable as the last error.
    expect(error).toMatchObject({ reason: "aborted", attempts: 1, lastError: reason });
  });

  it("an already aborted signal means the function is never called", async () => {
    const controller = new AbortController();
    controller.abort(new Error("before"));
    let calls = 0;
    const retry = retryWithBackoff({ clock: createVirtualClock() });
    const error = await retry.execute(() => calls++, controller.signal).catch((e: unknown) => e);
    expect(calls).toBe(0);
    expect(error).toMatchObject({ reason: "aborted", attempts: 0 });
    expect((error as Error).cause).toMatchObject({ message: "before" });
  });
});
