import { afterEach, describe, expect, it, vi } from "vitest";
import { createVirtualClock } from "./virtual-clock";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const twoRealTurns = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
};

describe("createVirtualClock edges", () => {
  it("fires the earliest due timer first when a later one was started first", async () => {
    const clock = createVirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => fired.push(`c@${clock.now()}`), 5);
    await clock.advance(30);
    expect(fired).toEqual(["c@5", "a@10", "b@20"]);
    expect(clock.now()).toBe(30);
  });

  it("runAll stops after `limit` timers, leaving the rest pending", async () => {
    const clock = createVirtualClock();
    let fired = 0;
    const tick = () => {
      fired += 1;
      if (fired < 20) clock.setTimeout(tick, 1);
    };
    clock.setTimeout(tick, 1);
    await clock.runAll(5);
    expect(fired).toBe(5);
    expect(clock.pendingTimers).toBe(1);
    await clock.runAll();
    expect(fired).toBe(20);
    expect(clock.pendingTimers).toBe(0);
  });

  it("lets promises settle while vitest fakes setTimeout", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const clock = createVirtualClock();
    let flushed = false;
    void clock.flush().then(() => (flushed = true));
    await twoRealTurns();
    expect(flushed).toBe(true);
  });

  it("works in a runtime without setImmediate", async () => {
    const clock = createVirtualClock();
    vi.stubGlobal("setImmediate", undefined);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 10);
    await clock.advance(10);
    await clock.flush();
    expect(fired).toEqual([10]);
  });
});
