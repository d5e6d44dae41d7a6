import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { BulkheadRejectedError } from "../errors/bulkhead-rejected-error";
import { createVirtualClock } from "../time/virtual-clock";
import { bulkhead } from "./bulkhead";

// What a bulkhead's rejections and option errors say, and when a queued call may still leave.

const gate = () => {
  let open: (value: string) => void = () => {};
  const promise = new Promise<string>((r) => (open = r));
  return { promise, open: (value = "done") => open(value) };
};

const rejectionOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as BulkheadRejectedError,
  );

describe("bulkhead rejections", () => {
  it("says a full bulkhead's name and limits, with one shared error per reason", async () => {
    const pool = bulkhead({ name: "orders", maxConcurrent: 1, maxQueue: 0 });
    const busy = gate();
    const first = pool.execute(() => busy.promise);
    const error = await rejectionOf(pool.execute(() => "x"));
    expect(error).toBeInstanceOf(BulkheadRejectedError);
    expect(error?.message).toBe('Bulkhead "orders" is full (1 in flight, 0 queued)');
    expect(error?.hint).toBe(
      "Shed or retry later, or raise maxConcurrent / maxQueue if the downstream can take it",
    );
    expect(error?.context).toEqual({
      bulkhead: "orders",
      reason: "full",
      maxConcurrent: 1,
      maxQueue: 0,
    });
    expect(error?.stack).not.toContain("bulkhead.ts");
    expect(await rejectionOf(pool.execute(() => "y"))).toBe(error);
    expect(pool.stats.rejected).toBe(2);
    busy.open();
    await first;
  });

  it("says how long a timed-out call waited, and names the default bulkhead", async () => {
    const clock = createVirtualClock(0);
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 2, queueTimeoutMs: 250, clock });
    expect(pool.name).toBe("bulkhead");
    const busy = gate();
    const first = pool.execute(() => busy.promise);
    const waiting = [rejectionOf(pool.execute(() => "a")), rejectionOf(pool.execute(() => "b"))];
    await clock.advance(249);
    expect(pool.stats.queued).toBe(2);
    await clock.advance(1);
    const [a, b] = await Promise.all(waiting);
    expect(a?.message).toBe('Call waited 250 ms in the queue of bulkhead "bulkhead"');
    expect(a?.reason).toBe("queue-timeout");
    expect(b).toBe(a);
    expect(pool.stats).toEqual({ inFlight: 1, queued: 0, admitted: 1, rejected: 2 });
    busy.open();
    await first;
  });

  it("keeps the full and the queue-timeout errors apart", async () => {
    const clock = createVirtualClock(0);
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 10, clock });
    const busy = gate();
    const first = pool.execute(() => busy.promise);
    const timedOut = rejectionOf(pool.execute(() => "a"));
    const full = await rejectionOf(pool.execute(() => "b"));
    await clock.advance(10);
    expect(full?.reason).toBe("full");
    expect((await timedOut)?.reason).toBe("queue-timeout");
    busy.open();
    await first;
  });
});

describe("bulkhead queue", () => {
  it("cancels the queue timer and the abort listener once a waiting call starts", async () => {
    const clock = createVirtualClock(0);
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 100, clock });
    const busy = gate();
    const first = pool.execute(() => busy.promise);
    const controller = new AbortController();
    const second = gate();
    let started = false;
    const queued = pool.execute(() => ((started = true), second.promise), controller.signal);
    expect(clock.pendingTimers).toBe(1);
    busy.open("first");
    await first;
    expect(started).toBe(true);
    expect(clock.pendingTimers).toBe(0);
    controller.abort(new Error("too late"));
    await clock.advance(100);
    second.open("second");
    await expect(queued).resolves.toBe("second");
    expect(pool.stats).toEqual({ inFlight: 0, queued: 0, admitted: 2, rejected: 0 });
  });

  it("queues a call without any timer when queueTimeoutMs is left unlimited", async () => {
    const clock = createVirtualClock(0);
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, clock });
    const busy = gate();
    const first = pool.execute(() => busy.promise);
    const queued = pool.execute(() => "second");
    expect(pool.stats.queued).toBe(1);
    expect(clock.pendingTimers).toBe(0);
    busy.open("first");
    await expect(Promise.all([first, queued])).resolves.toEqual(["first", "second"]);
  });

  it("starts waiting calls in arrival order, one per freed slot", async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 3 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const calls = gates.map((g, i) => pool.execute(() => (started.push(i), g.promise)));
    expect(pool.stats).toEqual({ inFlight: 1, queued: 3, admitted: 1, rejected: 0 });
    for (const [i, g] of gates.entries()) {
      g.open(`r${i}`);
      await calls[i];
      expect(started).toEqual(gates.slice(0, Math.min(i + 2, 4)).map((_, j) => j));
    }
    expect(await Promise.all(calls)).toEqual(["r0", "r1", "r2", "r3"]);
  });

  it("accepts no limit (Infinity) for maxConcurrent and maxQueue", async () => {
    const open = bulkhead({ maxConcurrent: Infinity, maxQueue: Infinity });
    const busy = gate();
    const calls = Array.from({ length: 50 }, () => open.execute(() => busy.promise));
    expect(open.stats.inFlight).toBe(50);
    busy.open();
    await Promise.all(calls);
    const queueing = bulkhead({ maxConcurrent: 1, maxQueue: Infinity });
    const held = gate();
    const more = Array.from({ length: 20 }, () => queueing.execute(() => held.promise));
    expect(queueing.stats.queued).toBe(19);
    held.open();
    await Promise.all(more);
  });

  it("names bulkhead() in the ConfigError for a bad option", () => {
    const error = (() => {
      try {
        bulkhead({ maxConcurrent: 1.5 });
      } catch (e) {
        return e;
      }
    })();
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toBe(
      "Expected `maxConcurrent` to be an integer >= 1, got 1.5",
    );
    expect((error as { hint: string }).hint).toContain("to bulkhead()");
    expect(() => bulkhead({ maxConcurrent: 1, maxQueue: 0.5 })).toThrow(/an integer >= 0/);
  });
});
