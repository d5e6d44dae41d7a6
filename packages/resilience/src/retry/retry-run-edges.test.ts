import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import type { RetryExhaustedError } from "../errors/retry-exhausted-error";
import { createVirtualClock, type VirtualClock } from "../time/virtual-clock";
import { retryWithBackoff } from "./retry";
import type { RetryOptions } from "./retry-options";

// Boundaries of the retry loop: the deadline measured from the call's start, waits that just
// fit, provider waits shorter than the backoff, and a single attempt.

const start = (clock: VirtualClock, options: RetryOptions, fn: () => unknown) => {
  const delays: number[] = [];
  const onRetry = (e: { delayMs: number }) => delays.push(e.delayMs);
  const retry = retryWithBackoff({ clock, jitter: "none", baseDelayMs: 100, onRetry, ...options });
  let outcome: { error?: RetryExhaustedError; at?: number } = {};
  const done = retry.execute(fn).then(
    () => (outcome = { at: clock.now() }),
    (error: unknown) => (outcome = { error: error as RetryExhaustedError, at: clock.now() }),
  );
  return { delays, done, outcome: () => outcome };
};

const down = () => Promise.reject(new ProviderError("down"));

describe("the retry loop's boundaries", () => {
  it("measures the deadline from the call's start, not from the clock's zero", async () => {
    const clock = createVirtualClock(1_000_000);
    const run = start(clock, { maxAttempts: 3, deadlineMs: 1_000 }, down);
    await clock.runAll();
    await run.done;
    expect(run.delays).toEqual([100, 200]);
    expect(run.outcome().error?.reason).toBe("max-attempts");
  });

  it("gives up as soon as the next backoff would pass the deadline", async () => {
    const clock = createVirtualClock(0);
    const run = start(clock, { maxAttempts: 10, baseDelayMs: 400, deadlineMs: 1_000 }, down);
    await clock.advance(400);
    expect(run.outcome()).toMatchObject({ at: 400, error: { reason: "deadline", attempts: 2 } });
  });

  it("makes a backoff that ends exactly at the deadline (which then stops the call)", async () => {
    const clock = createVirtualClock(0);
    const run = start(clock, { maxAttempts: 10, deadlineMs: 300 }, down);
    await clock.advance(299);
    expect(run.delays).toEqual([100, 200]);
    expect(run.outcome().at).toBeUndefined();
    await clock.advance(1);
    expect(run.outcome()).toMatchObject({ at: 300, error: { reason: "deadline", attempts: 2 } });
  });

  it("makes a provider's wait that ends exactly at the deadline", async () => {
    const clock = createVirtualClock(0);
    const asked = () => Promise.reject(new ProviderError("429", { retryAfterMs: 1_000 }));
    const run = start(clock, { deadlineMs: 1_000, maxRetryAfterMs: 5_000 }, asked);
    await clock.advance(0);
    expect(run.delays).toEqual([1_000]);
    await clock.advance(1_000);
    expect(run.outcome()).toMatchObject({ at: 1_000, error: { reason: "deadline" } });
  });

  it("judges a provider's wait shorter than the backoff as the backoff", async () => {
    const clock = createVirtualClock(0);
    let n = 0;
    const fn = () =>
      ++n === 1
        ? Promise.reject(new ProviderError("429", { retryAfterMs: 2_000 }))
        : Promise.resolve("ok");
    const run = start(
      clock,
      { baseDelayMs: 5_000, maxDelayMs: 10_000, maxRetryAfterMs: 1_000 },
      fn,
    );
    await clock.advance(5_000);
    await run.done;
    expect(run.delays).toEqual([5_000]);
    expect(run.outcome()).toEqual({ at: 5_000 });
    const longAsk = () => Promise.reject(new ProviderError("429", { retryAfterMs: 4_000 }));
    const late = start(createVirtualClock(0), { baseDelayMs: 5_000, deadlineMs: 3_000 }, longAsk);
    await late.done;
    expect(late.outcome().error?.reason).toBe("deadline");
  });

  it("with maxAttempts 1 rethrows even a retryable error unchanged", async () => {
    const clock = createVirtualClock(0);
    const error = new ProviderError("retryable", { retryable: true });
    const retry = retryWithBackoff({ clock, maxAttempts: 1 });
    await expect(retry.execute(() => Promise.reject(error))).rejects.toBe(error);
  });

  it("retries a null rejection when retryOn selects it", async () => {
    const clock = createVirtualClock(0);
    let n = 0;
    const fn = () => (++n === 1 ? Promise.reject(null as unknown as Error) : "ok");
    const run = start(clock, { retryOn: () => true }, fn);
    await clock.advance(100);
    await run.done;
    expect(run.outcome()).toEqual({ at: 100 });
  });
});
