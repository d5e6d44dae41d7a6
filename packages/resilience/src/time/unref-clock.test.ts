import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock, unrefClock } from "./clock";

// In-process checks of unrefClock (clock.test.ts checks process exit in a child process).
const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("unrefClock", () => {
  it("starts timers that do not hold the process open, unlike systemClock's", () => {
    const before = refTimers();
    const cancelUnref = unrefClock.setTimeout(() => undefined, 60_000);
    expect(refTimers()).toBe(before);
    const cancelRef = systemClock.setTimeout(() => undefined, 60_000);
    expect(refTimers()).toBe(before + 1);
    cancelRef();
    cancelUnref();
    expect(refTimers()).toBe(before);
    expect(unrefClock.now()).toBeGreaterThanOrEqual(systemClock.now() - 1);
  });

  it("fires a timer once after its delay, and never once cancelled", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const fired: string[] = [];
    unrefClock.setTimeout(() => fired.push("kept"), 100);
    const cancel = unrefClock.setTimeout(() => fired.push("cancelled"), 50);
    cancel();
    cancel();
    vi.advanceTimersByTime(99);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["kept"]);
  });

  it.each([
    ["a number, as in browsers", 7],
    ["null", null],
    ["an object without unref", {}],
  ])("accepts a runtime whose timer handle is %s", (_, handle) => {
    const cleared: unknown[] = [];
    vi.stubGlobal("setTimeout", () => handle);
    vi.stubGlobal("clearTimeout", (h: unknown) => cleared.push(h));
    const cancel = unrefClock.setTimeout(() => undefined, 10);
    cancel();
    expect(cleared).toEqual([handle]);
  });
});
