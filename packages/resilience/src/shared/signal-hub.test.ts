import { getEventListeners } from "node:events";
import { ProviderError } from "@peak/errors";
import { afterEach, describe, expect, it } from "vitest";
import { retryWithBackoff } from "../retry/retry";
import { createVirtualClock } from "../time/virtual-clock";
import { timeout } from "../timeout/timeout";
import { onSignalAbort } from "./signal-hub";

// Issue 14, point 6: one AbortSignal shared by 10,000 calls gets one listener, not 10,000.
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
process.on("warning", onWarning);
afterEach(() => void (warnings.length = 0));

describe("a signal shared by many calls", () => {
  it("carries one abort listener for 10,000 waiting retries and timeouts, and aborts them all", async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, baseDelayMs: 1_000, jitter: "none" });
    const bounded = timeout(60_000, { clock });
    const calls = Array.from({ length: 5_000 }, () => [
      retry.execute(() => Promise.reject(new ProviderError("down")), controller.signal),
      bounded.execute(
        ({ signal }) =>
          new Promise((_, reject) => {
            signal.addEventListener("abort", () => reject(signal.reason as Error));
          }),
        controller.signal,
      ),
    ]).flat();
    await clock.flush();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort(new Error("shutdown"));
    const settled = await Promise.allSettled(calls);
    expect(settled.every((s) => s.status === "rejected")).toBe(true);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("stops calling a callback once its stop function ran", () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const stop = onSignalAbort(controller.signal, () => seen.push("stopped"));
    onSignalAbort(controller.signal, () => seen.push("kept"));
    stop();
    controller.abort();
    expect(seen).toEqual(["kept"]);
  });

  it("takes its listener off the signal once the signal aborted", () => {
    const controller = new AbortController();
    const seen: string[] = [];
    onSignalAbort(controller.signal, () => seen.push("first"));
    onSignalAbort(controller.signal, () => seen.push("second"));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    expect(seen).toEqual(["first", "second"]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
