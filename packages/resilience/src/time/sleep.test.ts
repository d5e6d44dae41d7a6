import { describe, expect, it } from "vitest";
import { AbortScope } from "../shared/abort-scope";
import { abortReason, asError, sleep } from "./sleep";
import { createVirtualClock } from "./virtual-clock";

const settled = (promise: Promise<void>) => {
  const state = { value: "pending" as string, reason: undefined as unknown };
  promise.then(
    () => (state.value = "resolved"),
    (reason: unknown) => Object.assign(state, { value: "rejected", reason }),
  );
  return state;
};

describe("sleep", () => {
  it("resolves after its delay on the clock when no scope is given", async () => {
    const clock = createVirtualClock();
    const state = settled(sleep(clock, 100));
    await clock.advance(99);
    expect(state.value).toBe("pending");
    await clock.advance(1);
    expect(state.value).toBe("resolved");
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects at once with the reason of an already aborted scope, starting no timer", async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const reason = new Error("stop");
    controller.abort(reason);
    const scope = new AbortScope([controller.signal]);
    const state = settled(sleep(clock, 100, scope));
    await clock.flush();
    expect(state).toEqual({ value: "rejected", reason });
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects on an abort while waiting and clears its timer", async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const state = settled(sleep(clock, 100, new AbortScope([controller.signal])));
    await clock.advance(50);
    const reason = new Error("stop");
    controller.abort(reason);
    await clock.flush();
    expect(state).toEqual({ value: "rejected", reason });
    expect(clock.pendingTimers).toBe(0);
  });
});

describe("abortReason", () => {
  it("gives the signal's reason, or a generic error without a signal or reason", () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    controller.abort(reason);
    expect(abortReason(controller.signal)).toBe(reason);
    expect(abortReason(undefined)).toEqual(new Error("The operation was aborted"));
    expect(asError(undefined).message).toBe("The operation was aborted");
  });
});
