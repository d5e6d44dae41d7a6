import { afterEach, describe, expect, it, vi } from "vitest";
import { withDeadline } from "./reply-deadline";

// The deadline on a virtual clock: moving the clock takes no real time, so the timer fires on
// time and the verdict is given at once (the late path, a process busy past the deadline, is
// shown against a real Redis in rate-limit/link-stall.test.ts).
afterEach(() => {
  vi.useRealTimers();
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ reply: value }),
    (error: unknown) => ({ error: (error as Error).message }),
  );

describe("withDeadline", () => {
  it("gives up at once when the timer fires on time, before a reply that comes right after", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let answer: (value: string) => void = () => undefined;
    const result = outcome(withDeadline(new Promise<string>((r) => (answer = r)), 100));
    vi.advanceTimersByTime(99);
    answer("too late?");
    expect(await result).toEqual({ reply: "too late?" });
    const late = outcome(withDeadline(new Promise<string>((r) => (answer = r)), 100));
    vi.advanceTimersByTime(100);
    answer("too late");
    expect(await late).toEqual({ error: "Command timed out after 100 ms" });
  });

  it("passes a reply's failure through and leaves no timer behind either way", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const failed = outcome(withDeadline(Promise.reject(new Error("NOSCRIPT")), 250));
    expect(await failed).toEqual({ error: "NOSCRIPT" });
    expect(vi.getTimerCount()).toBe(0);
    expect(await outcome(withDeadline(Promise.resolve([1, 2]), 250))).toEqual({ reply: [1, 2] });
    expect(vi.getTimerCount()).toBe(0);
  });
});
