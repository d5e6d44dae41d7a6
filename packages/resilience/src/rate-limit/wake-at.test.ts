import { describe, expect, it, vi } from "vitest";
import { systemClock, unrefClock } from "../time/clock";
import { createVirtualClock } from "../time/virtual-clock";
import { POLL_MS, immediateFor, wakeAt, type Immediate } from "./wake-at";

// A clock whose time the test sets, whose timers and polls the test fires by hand.
const manual = () => {
  let now = 0;
  const timers: { ms: number; callback: () => void }[] = [];
  const polls: (() => void)[] = [];
  const clock = {
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => {
      const timer = { ms, callback };
      timers.push(timer);
      return () => void timers.splice(timers.indexOf(timer) >>> 0, 1);
    },
  };
  const poll: Immediate = (callback) => {
    polls.push(callback);
    return () => void polls.splice(polls.indexOf(callback) >>> 0, 1);
  };
  const fire = (list: (() => void)[]) => list.splice(0).forEach((f) => f());
  return {
    clock,
    poll,
    timers,
    polls,
    set: (ms: number) => void (now = ms),
    fireTimers: () => fire(timers.splice(0).map((t) => t.callback)),
    firePolls: () => fire(polls),
  };
};

describe("wakeAt", () => {
  it("sleeps until POLL_MS before the deadline, then polls the clock until it is reached", () => {
    const m = manual();
    let woken = 0;
    wakeAt(m.clock, m.poll, 10, () => (woken += 1));
    expect(m.timers.map((t) => t.ms)).toEqual([10 - POLL_MS]);
    m.set(9.2);
    m.fireTimers();
    expect(m.polls).toHaveLength(1);
    m.set(9.9);
    m.firePolls();
    expect(woken).toBe(0);
    m.set(10);
    m.firePolls();
    expect(woken).toBe(1);
    expect(m.polls).toHaveLength(0);
    expect(m.timers).toHaveLength(0);
  });

  it("sleeps again when a timer fires well before the deadline", () => {
    const m = manual();
    wakeAt(m.clock, m.poll, 10, () => undefined);
    m.set(4);
    m.fireTimers();
    expect(m.timers.map((t) => t.ms)).toEqual([6 - POLL_MS]);
    expect(m.polls).toHaveLength(0);
  });

  it("polls at once for a deadline within POLL_MS, and wakes on the next poll once it passed", () => {
    const m = manual();
    let woken = 0;
    wakeAt(m.clock, m.poll, POLL_MS, () => (woken += 1));
    expect(m.timers).toHaveLength(0);
    m.set(5);
    m.firePolls();
    expect(woken).toBe(1);
  });

  it("uses one timer per wake without a poll, never calling back before the deadline", () => {
    const m = manual();
    let woken = 0;
    wakeAt(m.clock, undefined, 0.5, () => (woken += 1));
    expect(m.timers.map((t) => t.ms)).toEqual([0.5]);
    m.set(0.3);
    m.fireTimers();
    expect(woken).toBe(0);
    expect(m.timers.map((t) => t.ms)).toEqual([0.5 - 0.3]);
    m.set(0.5);
    m.fireTimers();
    expect(woken).toBe(1);
    expect(m.polls).toHaveLength(0);
    wakeAt(m.clock, undefined, 0, () => (woken += 1));
    expect(m.timers.map((t) => t.ms)).toEqual([0]);
  });

  it("cancels a sleeping or a polling wake", () => {
    const m = manual();
    const cancel = wakeAt(m.clock, m.poll, 10, () => expect.fail("cancelled"));
    cancel();
    expect(m.timers).toHaveLength(0);
    const polling = wakeAt(m.clock, m.poll, 10, () => expect.fail("cancelled"));
    m.set(9.5);
    m.fireTimers();
    polling();
    expect(m.polls).toHaveLength(0);
  });

  it("polls only on the real clocks, unref'd for unrefClock", async () => {
    expect(immediateFor(createVirtualClock())).toBeUndefined();
    expect(immediateFor({ now: Date.now, setTimeout: systemClock.setTimeout })).toBeUndefined();
    const ref = immediateFor(systemClock);
    const unref = immediateFor(unrefClock);
    expect(ref).toBeDefined();
    expect(unref).toBeDefined();
    expect(unref).not.toBe(ref);
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      ref?.(() => order.push("ref"));
      const cancel = ref?.(() => order.push("cancelled"));
      cancel?.();
      unref?.(() => {
        order.push("unref");
        resolve();
      });
    });
    expect(order).toEqual(["ref", "unref"]);
  });

  it("keeps the process alive while polling on systemClock, not on unrefClock", () => {
    const spy = vi.spyOn(globalThis, "setImmediate");
    try {
      const cancels = [immediateFor(systemClock), immediateFor(unrefClock)].map((poll) =>
        poll?.(() => expect.fail("cancelled")),
      );
      const handles = spy.mock.results.map((r) => (r.value as NodeJS.Immediate).hasRef());
      expect(handles).toEqual([true, false]);
      for (const cancel of cancels) cancel?.();
    } finally {
      spy.mockRestore();
    }
  });
});
