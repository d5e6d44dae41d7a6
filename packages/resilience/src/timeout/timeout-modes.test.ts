import { describe, expect, it } from "vitest";
import { isTimeoutError } from "../errors/timeout-error";
import { createVirtualClock, type VirtualClock } from "../time/virtual-clock";
import { timeout } from "./timeout";

// Issue 14, point 4: cooperative (default) and aggressive timeouts.

// A call that needs `ms` and then resolves, or rejects with the abort reason `stopMs` after
// its signal aborts (`stopMs` undefined: it ignores the signal).
const call =
  (clock: VirtualClock, ms: number, stopMs?: number) =>
  ({ signal }: { signal: AbortSignal }) =>
    new Promise<string>((resolve, reject) => {
      clock.setTimeout(() => resolve("executed"), ms);
      if (stopMs === undefined) return;
      signal.addEventListener("abort", () =>
        clock.setTimeout(() => reject(signal.reason as Error), stopMs),
      );
    });

const track = <T>(p: Promise<T>) => {
  const seen: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  p.then(
    (value) => Object.assign(seen, { settled: true, value }),
    (error: unknown) => Object.assign(seen, { settled: true, error }),
  );
  return seen;
};

describe("timeout modes", () => {
  it("cooperative (the default) waits for a call that ignores the abort and returns its result", async () => {
    const clock = createVirtualClock();
    const seen = track(timeout(100, { clock }).execute(call(clock, 300)));
    await clock.advance(100);
    expect(seen.settled).toBe(false);
    await clock.advance(200);
    expect(seen).toMatchObject({ settled: true, value: "executed" });
  });

  it("cooperative rejects with the TimeoutError once the call honours the abort", async () => {
    const clock = createVirtualClock();
    const seen = track(
      timeout(100, { clock, mode: "cooperative" }).execute(call(clock, 1_000, 20)),
    );
    await clock.advance(119);
    expect(seen.settled).toBe(false);
    await clock.advance(1);
    expect(seen.settled && isTimeoutError(seen.error)).toBe(true);
  });

  it("aggressive rejects at once while the call is still running", async () => {
    const clock = createVirtualClock();
    const seen = track(timeout(100, { clock, mode: "aggressive" }).execute(call(clock, 300)));
    await clock.advance(100);
    expect(seen.settled && isTimeoutError(seen.error)).toBe(true);
    await clock.advance(200);
  });

  it("rejects an unknown mode with a ConfigError naming it", () => {
    expect(() => timeout(1, { mode: "eager" as never })).toThrow(/mode/);
  });
});
