import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { timeout } from "./timeout";
import { TimeoutError } from "../errors/timeout-error";
import { createVirtualClock } from "../time/virtual-clock";

const never = ({ signal }: { signal: AbortSignal }) =>
  new Promise<string>((_, reject) =>
    signal.addEventListener("abort", () => reject(signal.reason as Error)),
  );

describe("timeout", () => {
  it("returns the result of a call that finishes in time", async () => {
    const clock = createVirtualClock();
    await expect(timeout(100, { clock }).execute(() => "fast")).resolves.toBe("fast");
    expect(clock.pendingTimers).toBe(0);
  });

  it("aborts the call's signal and rejects with TimeoutError when time is up", async () => {
    const clock = createVirtualClock();
    let seen: AbortSignal | undefined;
    const call = timeout(100, { clock })
      .execute((ctx) => ((seen = ctx.signal), never(ctx)))
      .catch((e: unknown) => e);
    await clock.advance(100);
    const error = (await call) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "TIMEOUT", timeoutMs: 100, retryable: true });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBe(error);
  });

  it("rejects on time even when the call ignores its signal, dropping the late result", async () => {
    const clock = createVirtualClock();
    const stubborn = () =>
      new Promise<string>((_, reject) => clock.setTimeout(() => reject(new Error("late")), 500));
    const call = timeout(100, { clock, mode: "aggressive" })
      .execute(stubborn)
      .catch((e: unknown) => e);
    await clock.advance(100);
    expect(await call).toBeInstanceOf(TimeoutError);
    await clock.advance(400);
  });

  it("follows the caller's signal", async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const call = timeout(1_000, { clock, mode: "aggressive" })
      .execute(never, controller.signal)
      .catch((e: unknown) => e);
    controller.abort(new Error("caller"));
    expect(await call).toMatchObject({ message: "caller" });
    expect(clock.pendingTimers).toBe(0);
  });

  it("turns a synchronous throw into a rejection and wraps plain functions", async () => {
    const clock = createVirtualClock();
    const policy = timeout(10, { clock });
    await expect(
      policy.execute(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    await expect(policy.wrap((a: number) => a * 2)(21)).resolves.toBe(42);
  });

  it("throws a ConfigError for a bad limit", () => {
    expect(() => timeout(-1)).toThrow(ConfigError);
    expect(() => timeout(Number.NaN)).toThrow(/ms/);
  });
});
