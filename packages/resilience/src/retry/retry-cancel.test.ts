import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { retryWithBackoff } from "./retry";
import type { RetryExhaustedError } from "../errors/retry-exhausted-error";
import { createVirtualClock } from "../time/virtual-clock";

const alwaysFails = () => {
  const calls: number[] = [];
  return {
    calls,
    fn: ({ attempt }: { attempt: number }) => (
      calls.push(attempt),
      Promise.reject(new ProviderError("down"))
    ),
  };
};

describe("retryWithBackoff cancellation and deadline", () => {
  it("ends the backoff wait at once on abort and never calls the function again", async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, maxAttempts: 5, baseDelayMs: 2_000, jitter: "none" });
    const { fn, calls } = alwaysFails();
    const result = retry.execute(fn, controller.signal).catch((e: unknown) => e);
    await clock.advance(50);
    controller.abort(new Error("user cancelled"));
    const error = (await result) as RetryExhaustedError;
    expect(error.reason).toBe("aborted");
    expect(error.attempts).toBe(1);
    expect(clock.pendingTimers).toBe(0);
    await clock.runAll();
    expect(calls).toEqual([1]);
  });

  it("honours the signal given in the options", async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, signal: controller.signal, baseDelayMs: 1_000 });
    const { fn, calls } = alwaysFails();
    const result = retry.execute(fn).catch((e: unknown) => e);
    await clock.advance(10);
    controller.abort();
    expect(await result).toMatchObject({ reason: "aborted" });
    expect(calls).toEqual([1]);
  });

  it("does not call the function when the signal is already aborted", async () => {
    const retry = retryWithBackoff({ clock: createVirtualClock() });
    const controller = new AbortController();
    controller.abort(new Error("before"));
    const { fn, calls } = alwaysFails();
    const error = (await retry
      .execute(fn, controller.signal)
      .catch((e: unknown) => e)) as RetryExhaustedError;
    expect(error).toMatchObject({ reason: "aborted", attempts: 0 });
    expect((error.cause as Error).message).toBe("before");
    expect(calls).toEqual([]);
  });

  it("aborts the running attempt's signal on abort", async () => {
    const controller = new AbortController();
    const clock = createVirtualClock();
    const retry = retryWithBackoff({ clock, signal: controller.signal });
    let seen: AbortSignal | undefined;
    const result = retry
      .execute(
        ({ signal }) => (
          (seen = signal),
          new Promise((_, reject) =>
            signal.addEventListener("abort", () => reject(signal.reason as Error)),
          )
        ),
        new AbortController().signal,
      )
      .catch((e: unknown) => e);
    controller.abort(new Error("stop"));
    expect(await result).toMatchObject({ reason: "aborted", attempts: 1 });
    expect(seen?.aborted).toBe(true);
  });

  it("gives up with reason deadline when the next wait would pass deadlineMs", async () => {
    const clock = createVirtualClock(0);
    const retry = retryWithBackoff({
      clock,
      maxAttempts: 10,
      baseDelayMs: 400,
      jitter: "none",
      deadlineMs: 1_000,
    });
    const { fn, calls } = alwaysFails();
    const result = retry.execute(fn).catch((e: unknown) => e);
    await clock.runAll();
    expect(await result).toMatchObject({ reason: "deadline", attempts: 2 });
    expect(calls).toEqual([1, 2]);
  });

  it("aborts a running attempt when the deadline passes", async () => {
    const clock = createVirtualClock(0);
    const retry = retryWithBackoff({ clock, deadlineMs: 500 });
    const result = retry
      .execute(
        ({ signal }) =>
          new Promise((_, reject) =>
            signal.addEventListener("abort", () => reject(signal.reason as Error)),
          ),
      )
      .catch((e: unknown) => e);
    await clock.advance(500);
    const error = (await result) as RetryExhaustedError;
    expect(error.reason).toBe("deadline");
    expect((error.lastError as Error).name).toBe("TimeoutError");
  });
});
