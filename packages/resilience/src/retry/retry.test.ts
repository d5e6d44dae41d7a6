import { ConfigError, PeakTradeError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { retryWithBackoff } from "./retry";
import { RetryExhaustedError } from "../errors/retry-exhausted-error";
import type { RetryOptions } from "./retry-options";
import { createVirtualClock } from "../time/virtual-clock";

const flaky = (failures: number, error: () => unknown = () => new ProviderError("flaky")) => {
  const calls: number[] = [];
  const fn = ({ attempt }: { attempt: number }) => {
    calls.push(attempt);
    return calls.length <= failures
      ? Promise.reject(error() as Error)
      : Promise.resolve(`ok@${attempt}`);
  };
  return { calls, fn };
};

const setup = (options: RetryOptions = {}) => {
  const clock = createVirtualClock(0);
  const delays: number[] = [];
  const retry = retryWithBackoff({
    clock,
    jitter: "none",
    baseDelayMs: 100,
    onRetry: (e) => delays.push(e.delayMs),
    ...options,
  });
  return { clock, retry, delays };
};

describe("retryWithBackoff", () => {
  it("returns the first success without waiting", async () => {
    const { retry, delays } = setup();
    const { fn, calls } = flaky(0);
    await expect(retry.execute(fn)).resolves.toBe("ok@1");
    expect(calls).toEqual([1]);
    expect(delays).toEqual([]);
  });

  it("retries retryable errors with exponential delays, counting the first call", async () => {
    const { retry, clock, delays } = setup({ maxAttempts: 3 });
    const { fn, calls } = flaky(2);
    const result = retry.execute(fn);
    await clock.advance(99);
    expect(calls).toEqual([1]);
    await clock.advance(1);
    expect(calls).toEqual([1, 2]);
    await clock.advance(200);
    await expect(result).resolves.toBe("ok@3");
    expect(delays).toEqual([100, 200]);
  });

  it("uses constant delays capped by maxDelayMs", async () => {
    const { retry, clock, delays } = setup({
      maxAttempts: 4,
      backoff: "constant",
      baseDelayMs: 10,
      maxDelayMs: 5,
    });
    const result = retry.execute(flaky(3).fn);
    await clock.runAll();
    await result;
    expect(delays).toEqual([5, 5, 5]);
  });

  it("caps exponential delays at maxDelayMs", async () => {
    const { retry, clock, delays } = setup({
      maxAttempts: 5,
      baseDelayMs: 1_000,
      maxDelayMs: 2_000,
    });
    const result = retry.execute(flaky(4).fn);
    await clock.runAll();
    await result;
    expect(delays).toEqual([1_000, 2_000, 2_000, 2_000]);
  });

  it("throws RetryExhaustedError with every attempt's error after maxAttempts", async () => {
    const { retry, clock } = setup({ maxAttempts: 3 });
    let n = 0;
    const result = retry
      .execute(() => Promise.reject(new ProviderError(`fail ${++n}`)))
      .catch((e: unknown) => e);
    await clock.runAll();
    const error = (await result) as RetryExhaustedError;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error.code).toBe("RETRY_EXHAUSTED");
    expect(error.reason).toBe("max-attempts");
    expect(error.attempts).toBe(3);
    expect(error.errors.map((e) => (e as Error).message)).toEqual(["fail 1", "fail 2", "fail 3"]);
    expect((error.lastError as Error).message).toBe("fail 3");
    expect(error.cause).toBe(error.lastError);
  });

  it("rethrows a non-retryable error from the first call unchanged", async () => {
    const { retry } = setup();
    const bug = new TypeError("bug");
    const { fn, calls } = flaky(5, () => bug);
    await expect(retry.execute(fn)).rejects.toBe(bug);
    expect(calls).toEqual([1]);
  });

  it("stops with reason not-retryable when a later error is not retryable", async () => {
    const { retry, clock } = setup();
    let n = 0;
    const fn = () =>
      Promise.reject(
        ++n === 1 ? new ProviderError("503") : new ProviderError("401", { retryable: false }),
      );
    const result = retry.execute(fn).catch((e: unknown) => e);
    await clock.runAll();
    expect(await result).toMatchObject({ reason: "not-retryable", attempts: 2 });
  });

  it("retries PeakTradeErrors marked retryable and errors selected by class or predicate", async () => {
    const { retry, clock } = setup();
    const peak = retry.execute(flaky(1, () => new PeakTradeError("x", { retryable: true })).fn);
    await clock.runAll();
    await expect(peak).resolves.toBe("ok@2");
    const byClass = setup({ retryOn: [TypeError] });
    const classed = byClass.retry.execute(flaky(1, () => new TypeError("t")).fn);
    await byClass.clock.runAll();
    await expect(classed).resolves.toBe("ok@2");
    const byPredicate = setup({ retryOn: (_e, attempt) => attempt < 2 });
    const predicated = byPredicate.retry
      .execute(flaky(2, () => new Error("e")).fn)
      .catch((e: unknown) => e);
    await byPredicate.clock.runAll();
    expect(await predicated).toMatchObject({ reason: "not-retryable", attempts: 2 });
  });

  it("with maxAttempts 1 calls once and rethrows the error", async () => {
    const { retry } = setup({ maxAttempts: 1 });
    const { fn, calls } = flaky(1);
    await expect(retry.execute(fn)).rejects.toThrow("flaky");
    expect(calls).toEqual([1]);
  });

  it("wraps a function keeping its parameters", async () => {
    const { retry, clock } = setup();
    let n = 0;
    const add = retry.wrap((a: number, b: number) =>
      ++n < 2 ? Promise.reject(new ProviderError("x")) : a + b,
    );
    const result = add(2, 3);
    await clock.runAll();
    await expect(result).resolves.toBe(5);
  });

  it("randomises delays with the injected random source", async () => {
    const { retry, clock, delays } = setup({ maxAttempts: 3, jitter: "full", random: () => 0.5 });
    const result = retry.execute(flaky(2).fn);
    await clock.runAll();
    await result;
    expect(delays).toEqual([50, 100]);
  });

  it("ignores an onRetry callback that throws", async () => {
    const clock = createVirtualClock();
    const retry = retryWithBackoff({
      clock,
      baseDelayMs: 0,
      onRetry: () => {
        throw new Error("bad callback");
      },
    });
    await expect(retry.execute(flaky(1).fn)).resolves.toBe("ok@2");
  });

  it("throws a ConfigError naming a bad option", () => {
    expect(() => retryWithBackoff({ maxAttempts: 0 })).toThrow(ConfigError);
    expect(() => retryWithBackoff({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => retryWithBackoff({ jitter: "wild" as never })).toThrow(/jitter/);
    expect(() => retryWithBackoff({ baseDelayMs: Number.NaN })).toThrow(/baseDelayMs/);
    expect(() => retryWithBackoff({ retryOn: 3 as never })).toThrow(/retryOn/);
  });
});
