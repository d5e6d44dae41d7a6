import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../testing";

describe("createVirtualClock", () => {
  it("fires timers in time order, then insertion order, as time advances", async () => {
    const clock = createVirtualClock(100);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push("b@20"), 20);
    clock.setTimeout(() => fired.push("a@10"), 10);
    clock.setTimeout(() => fired.push("c@20"), 20);
    await clock.advance(15);
    expect(fired).toEqual(["a@10"]);
    expect(clock.now()).toBe(115);
    await clock.advance(5);
    expect(fired).toEqual(["a@10", "b@20", "c@20"]);
  });

  it("cancels timers and reports pending ones", async () => {
    const clock = createVirtualClock();
    let fired = false;
    const cancel = clock.setTimeout(() => (fired = true), 5);
    expect(clock.pendingTimers).toBe(1);
    cancel();
    cancel();
    await clock.advance(10);
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it("runAll fires timers that timers start", async () => {
    const clock = createVirtualClock();
    let count = 0;
    const tick = () => {
      count += 1;
      if (count < 3) clock.setTimeout(tick, 1_000);
    };
    clock.setTimeout(tick, 1_000);
    await clock.runAll();
    expect(count).toBe(3);
    expect(clock.now()).toBe(3_000);
  });

  it("lets promise chains settle between timers", async () => {
    const clock = createVirtualClock();
    const order: string[] = [];
    clock.setTimeout(
      () =>
        void Promise.resolve()
          .then(() => Promise.resolve())
          .then(() => order.push("chain")),
      1,
    );
    clock.setTimeout(() => order.push("next"), 2);
    await clock.advance(2);
    expect(order).toEqual(["chain", "next"]);
  });
});
