import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { wrap } from "../compose/wrap";
import { createVirtualClock, type VirtualClock } from "../time/virtual-clock";
import { hedge, hedgedErrors } from "./hedge";

/** A quote source whose n-th call answers (or fails) after `plan[n]` ms, honouring its signal. */
const source = (clock: VirtualClock, plan: [number, "ok" | "fail"][]) => {
  const aborted: number[] = [];
  let calls = 0;
  const fn = ({ signal }: { signal: AbortSignal }) => {
    const n = calls++;
    const [ms, outcome] = plan[n] ?? [0, "ok"];
    return new Promise<string>((resolve, reject) => {
      const cancel = clock.setTimeout(
        () => (outcome === "ok" ? resolve(`quote ${n + 1}`) : reject(new Error(`fail ${n + 1}`))),
        ms,
      );
      signal.addEventListener(
        "abort",
        () => (aborted.push(n + 1), cancel(), reject(signal.reason as Error)),
      );
    });
  };
  return { fn, aborted, calls: () => calls };
};

describe("hedge", () => {
  it("answers from the first attempt when it is fast, starting no hedge", async () => {
    const clock = createVirtualClock();
    const policy = hedge({ delayMs: 100, clock });
    const quotes = source(clock, [[50, "ok"]]);
    const call = policy.execute(quotes.fn);
    await clock.advance(50);
    expect(await call).toBe("quote 1");
    expect(quotes.calls()).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it("starts a hedge after delayMs, lets the first success win and aborts the loser", async () => {
    const clock = createVirtualClock();
    const policy = hedge({ name: "quotes", delayMs: 100, clock });
    const events: unknown[] = [];
    policy.onEvent((event) => events.push(event));
    const quotes = source(clock, [
      [500, "ok"],
      [30, "ok"],
    ]);
    const call = policy.execute(quotes.fn);
    await clock.advance(130);
    expect(await call).toBe("quote 2");
    expect(quotes.aborted).toEqual([1]);
    expect(events).toEqual([
      { type: "started", attempt: 2 },
      { type: "won", attempt: 2 },
    ]);
    expect(policy.stats).toEqual({ calls: 1, hedgesStarted: 1, hedgesWon: 1 });
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects with the first error, the others attached, when every attempt fails", async () => {
    const clock = createVirtualClock();
    const policy = hedge({ delayMs: 100, maxHedges: 2, clock });
    const quotes = source(clock, [
      [150, "fail"],
      [10, "fail"],
      [10, "fail"],
    ]);
    const call = policy.execute(quotes.fn).catch((e: unknown) => e);
    await clock.advance(200);
    const error = await call;
    expect(error).toMatchObject({ message: "fail 2" });
    expect(hedgedErrors(error).map((e) => (e as Error).message)).toEqual(["fail 1", "fail 3"]);
    expect(quotes.calls()).toBe(3);
  });

  it("starts the next attempt at once when one fails before delayMs", async () => {
    const clock = createVirtualClock();
    const quotes = source(clock, [
      [5, "fail"],
      [5, "ok"],
    ]);
    const call = hedge({ delayMs: 1_000, clock }).execute(quotes.fn);
    await clock.advance(10);
    expect(await call).toBe("quote 2");
  });

  it("aborts every attempt when the caller aborts, and composes with wrap()", async () => {
    const clock = createVirtualClock();
    const quotes = source(clock, [
      [500, "ok"],
      [500, "ok"],
    ]);
    const controller = new AbortController();
    const call = wrap(hedge({ delayMs: 100, clock })).execute(quotes.fn, controller.signal);
    await clock.advance(150);
    controller.abort(new Error("user left"));
    await expect(call).rejects.toThrow("user left");
    expect(quotes.aborted).toEqual([1, 2]);
    expect(clock.pendingTimers).toBe(0);
    expect(hedgedErrors(new Error("plain"))).toEqual([]);
  });

  it.each([{ delayMs: -1 }, { delayMs: 1, maxHedges: 1.5 }])(
    "rejects bad options %o",
    (options) => {
      expect(() => hedge(options)).toThrow(ConfigError);
    },
  );
});
