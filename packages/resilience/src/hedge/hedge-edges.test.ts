import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { createVirtualClock, type VirtualClock } from "../time/virtual-clock";
import { hedge, type HedgeEvent } from "./hedge";

/** The n-th attempt settles after `plan[n]` ms with its value (rejects for `fail`), ignoring aborts. */
const stubborn = (clock: VirtualClock, plan: [number, unknown, "ok" | "fail"][]) => {
  const signals: AbortSignal[] = [];
  const fn = ({ signal }: { signal: AbortSignal }) => {
    const [ms, value, outcome] = plan[signals.length] ?? [0, undefined, "ok"];
    signals.push(signal);
    return new Promise((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- non-Error failures are the point
      clock.setTimeout(() => (outcome === "ok" ? resolve(value) : reject(value)), ms);
    });
  };
  return { fn, signals };
};

/** Records how a call settled without awaiting it (a call that never settles stays `pending`). */
const settle = (call: Promise<unknown>) => {
  const seen: { state: string; value?: unknown } = { state: "pending" };
  call.then(
    (value) => Object.assign(seen, { state: "resolved", value }),
    (value: unknown) => Object.assign(seen, { state: "rejected", value }),
  );
  return seen;
};

describe("hedge edges", () => {
  it("is named hedge by default and names the bad option and its owner", () => {
    expect(hedge({ delayMs: 1 }).name).toBe("hedge");
    expect(hedge({ name: "quotes", delayMs: 1 }).name).toBe("quotes");
    const owner = "hedge";
    expect(() => hedge({ delayMs: -1 })).toThrow(ConfigError);
    expect(() => hedge({ delayMs: -1 })).toThrow(
      expect.objectContaining({ context: expect.objectContaining({ option: "delayMs", owner }) }),
    );
    expect(() => hedge({ delayMs: 1, maxHedges: -1 })).toThrow(
      expect.objectContaining({ context: expect.objectContaining({ option: "maxHedges", owner }) }),
    );
  });

  it("rejects at once with the reason of an already aborted signal, calling nothing", async () => {
    const clock = createVirtualClock();
    const policy = hedge({ delayMs: 10, clock });
    const attempts = stubborn(clock, [[0, "quote", "ok"]]);
    const controller = new AbortController();
    controller.abort(new Error("user left"));
    await expect(policy.execute(attempts.fn, controller.signal)).rejects.toThrow("user left");
    expect(attempts.signals).toHaveLength(0);
    expect(policy.stats).toEqual({ calls: 0, hedgesStarted: 0, hedgesWon: 0 });
  });

  it("counts no win when the first attempt answers, even if a hedge answers later", async () => {
    const clock = createVirtualClock();
    const policy = hedge({ delayMs: 100, clock });
    const events: HedgeEvent[] = [];
    policy.onEvent((event) => events.push(event));
    const attempts = stubborn(clock, [
      [150, "quote 1", "ok"],
      [100, "quote 2", "ok"],
    ]);
    const call = settle(policy.execute(attempts.fn));
    await clock.advance(250);
    expect(call).toEqual({ state: "resolved", value: "quote 1" });
    expect(events).toEqual([{ type: "started", attempt: 2 }]);
    expect(policy.stats).toEqual({ calls: 1, hedgesStarted: 1, hedgesWon: 0 });
  });

  it("aborts the losers with a reason saying another attempt answered", async () => {
    const clock = createVirtualClock();
    const attempts = stubborn(clock, [
      [500, "quote 1", "ok"],
      [10, "quote 2", "ok"],
    ]);
    const call = settle(hedge({ delayMs: 100, clock }).execute(attempts.fn));
    await clock.advance(110);
    expect(call).toEqual({ state: "resolved", value: "quote 2" });
    const [loser, winner] = attempts.signals;
    expect((loser?.reason as Error).message).toBe("Another hedged attempt answered first");
    expect(winner?.aborted).toBe(false);
  });

  it("leaves the winner's signal alone when the caller aborts after the answer", async () => {
    const clock = createVirtualClock();
    const attempts = stubborn(clock, [[5, "quote", "ok"]]);
    const controller = new AbortController();
    const call = settle(hedge({ delayMs: 100, clock }).execute(attempts.fn, controller.signal));
    await clock.advance(5);
    controller.abort(new Error("too late"));
    expect(call).toEqual({ state: "resolved", value: "quote" });
    expect(attempts.signals[0]?.aborted).toBe(false);
  });

  it.each([
    ["a string", "down"],
    ["null", null],
  ])("rejects with the first failure when attempts fail with %s", async (_label, reason) => {
    const clock = createVirtualClock();
    const attempts = stubborn(clock, [
      [5, reason, "fail"],
      [5, "second", "fail"],
    ]);
    const call = settle(hedge({ delayMs: 100, clock }).execute(attempts.fn));
    await clock.advance(20);
    expect(call).toEqual({ state: "rejected", value: reason });
  });

  it("wraps a plain function, passing its arguments through", async () => {
    const policy = hedge({ delayMs: 100, clock: createVirtualClock() });
    const quote = policy.wrap((symbol: string, size: number) => `${symbol} x${size}`);
    expect(await quote("ETHUSDT", 2)).toBe("ETHUSDT x2");
    expect(policy.stats.calls).toBe(1);
  });
});
