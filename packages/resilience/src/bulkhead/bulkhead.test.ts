import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { BulkheadRejectedError } from "../errors/bulkhead-rejected-error";
import { wrap } from "../compose/wrap";
import { createVirtualClock } from "../time/virtual-clock";
import { bulkhead } from "./bulkhead";

const deferred = () => {
  let resolve: (value: string) => void = () => {};
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
};

describe("bulkhead", () => {
  it("runs at most maxConcurrent calls, queues FIFO and rejects the rest at once", async () => {
    const pool = bulkhead({ name: "candles", maxConcurrent: 2, maxQueue: 1 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const calls = gates.map((g, i) => pool.execute(() => (started.push(i), g.promise)));
    expect(started).toEqual([0, 1]);
    expect(pool.stats).toEqual({ inFlight: 2, queued: 1, admitted: 2, rejected: 0 });
    const error = await pool.execute(() => "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkheadRejectedError);
    expect(error).toMatchObject({ code: "BULKHEAD_FULL", reason: "full", bulkheadName: "candles" });
    gates[1]?.resolve("b");
    expect(await calls[1]).toBe("b");
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve("a");
    gates[2]?.resolve("c");
    expect(await Promise.all(calls)).toEqual(["a", "b", "c"]);
    expect(pool.stats).toEqual({ inFlight: 0, queued: 0, admitted: 3, rejected: 1 });
  });

  it("frees the slot when a call fails or throws synchronously", async () => {
    const pool = bulkhead({ maxConcurrent: 1 });
    await expect(pool.execute(() => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await expect(
      pool.execute(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(await pool.execute(() => "free")).toBe("free");
  });

  it("frees the slot before the caller resumes, for promises, plain values and thenables", async () => {
    const pool = bulkhead({ maxConcurrent: 1 });
    const thenable: PromiseLike<string> = {
      then: (resolve) => (resolve?.("thenable"), thenable) as never,
    };
    const results: unknown[] = [];
    const fns: (() => string | PromiseLike<string>)[] = [
      () => Promise.resolve("promise"),
      () => "value",
      () => thenable,
    ];
    for (const fn of fns) {
      results.push(await pool.execute(fn), pool.stats.inFlight);
    }
    expect(results).toEqual(["promise", 0, "value", 0, "thenable", 0]);
    expect(pool.stats).toMatchObject({ inFlight: 0, admitted: 3 });
  });

  it("drains a long queue of synchronous calls without deep recursion", async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 20_000 });
    const gate = deferred();
    const first = pool.execute(() => gate.promise);
    const rest = Array.from({ length: 20_000 }, (_, i) =>
      pool.execute(() => {
        if (i % 2 === 1) throw new Error(`odd ${i}`);
        return i;
      }),
    );
    gate.resolve("first");
    const settled = await Promise.allSettled([first, ...rest]);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(10_001);
    expect(settled.at(-1)).toMatchObject({ status: "rejected", reason: { message: "odd 19999" } });
    expect(pool.stats).toEqual({ inFlight: 0, queued: 0, admitted: 20_001, rejected: 0 });
  });

  it("takes an aborted waiter out of the queue at once", async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 2 });
    const gate = deferred();
    const first = pool.execute(() => gate.promise);
    const controller = new AbortController();
    const aborted = pool.execute(() => "never", controller.signal);
    const last = pool.execute(() => "last");
    controller.abort(new Error("gone"));
    await expect(aborted).rejects.toThrow("gone");
    expect(pool.stats.queued).toBe(1);
    gate.resolve("first");
    expect(await Promise.all([first, last])).toEqual(["first", "last"]);
    await expect(pool.execute(() => 1, AbortSignal.abort("late"))).rejects.toBe("late");
  });

  it("rejects a call that waited queueTimeoutMs, with no timer left behind", async () => {
    const clock = createVirtualClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 100, clock });
    const gate = deferred();
    const first = pool.execute(() => gate.promise);
    const waiting = pool.execute(() => "never").catch((e: unknown) => e);
    await clock.advance(100);
    expect(await waiting).toMatchObject({ reason: "queue-timeout", code: "BULKHEAD_FULL" });
    const next = pool.execute(() => "next");
    gate.resolve("first");
    expect(await Promise.all([first, next])).toEqual(["first", "next"]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("composes with wrap() and wraps plain functions", async () => {
    const pool = bulkhead({ maxConcurrent: 1 });
    expect(await wrap(pool).execute(({ signal }) => signal.aborted)).toBe(false);
    expect(await pool.wrap((a: number, b: number) => a + b)(2, 3)).toBe(5);
  });

  it.each([
    [{ maxConcurrent: 0 }, /maxConcurrent/],
    [{ maxConcurrent: 1, maxQueue: -1 }, /maxQueue/],
    [{ maxConcurrent: 1, queueTimeoutMs: -5 }, /queueTimeoutMs/],
  ])("rejects bad options %o with a ConfigError", (options, message) => {
    expect(() => bulkhead(options)).toThrow(ConfigError);
    expect(() => bulkhead(options)).toThrow(message);
  });
});
