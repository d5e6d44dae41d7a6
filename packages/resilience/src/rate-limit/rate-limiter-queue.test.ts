import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { wrap } from "../compose/wrap";
import { timeout } from "../timeout/timeout";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

const setup = (maxWaitMs = 1_000) => {
  const clock = createVirtualClock(0);
  const limiter = rateLimiter({ name: "kraken", limit: 1, intervalMs: 100, maxWaitMs, clock });
  const admitted: [string, number][] = [];
  const call = (label: string, signal?: AbortSignal) =>
    limiter.execute(() => admitted.push([label, clock.now()]), { signal });
  return { clock, limiter, admitted, call };
};

describe("rateLimiter waiting", () => {
  it("queues calls first come first served and runs each in its slot", async () => {
    const { clock, admitted, call } = setup();
    const calls = ["a", "b", "c"].map((label) => call(label));
    await clock.advance(250);
    await Promise.all(calls);
    expect(admitted).toEqual([
      ["a", 0],
      ["b", 100],
      ["c", 200],
    ]);
  });

  it("makes a light call wait behind a heavy one that came first", async () => {
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ limit: 4, intervalMs: 100, maxWaitMs: 1_000, clock });
    const order: string[] = [];
    limiter.tryAcquire({ weight: 3 });
    const heavy = limiter.acquire(4).then(() => order.push(`heavy@${clock.now()}`));
    const light = limiter.acquire(1).then(() => order.push(`light@${clock.now()}`));
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 200 });
    await clock.advance(200);
    await Promise.all([heavy, light]);
    expect(order).toEqual(["heavy@100", "light@200"]);
  });

  it("rejects at once a call that would wait longer than maxWaitMs", async () => {
    const { call } = setup(150);
    void call("a");
    void call("b");
    await expect(call("c")).rejects.toMatchObject({ retryAfterMs: 200, code: "RATE_LIMITED" });
  });

  it("takes an aborted waiter out of the queue at once and gives its slot to the next", async () => {
    const { clock, limiter, admitted, call } = setup();
    const controller = new AbortController();
    const a = call("a");
    const b = call("b", controller.signal);
    const c = call("c");
    expect(limiter.stats.queued).toBe(2);
    controller.abort(new Error("user left"));
    await expect(b).rejects.toThrow("user left");
    expect(limiter.stats.queued).toBe(1);
    await clock.advance(100);
    await Promise.all([a, c]);
    expect(admitted).toEqual([
      ["a", 0],
      ["c", 100],
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects a call whose signal is already aborted without counting it", async () => {
    const { limiter } = setup();
    await expect(limiter.acquire(1, { signal: AbortSignal.abort("gone") })).rejects.toBe("gone");
    expect(limiter.tryAcquire()).toEqual({ ok: true });
  });

  it("lets tryAcquire never overtake a waiter", () => {
    const { limiter, call } = setup();
    void call("a");
    void call("b");
    expect(limiter.tryAcquire()).toEqual({ ok: false, retryAfterMs: 200 });
  });

  it("composes with wrap(), taking the caller's signal and a per-policy weight", async () => {
    const { clock, limiter } = setup();
    const policy = wrap(limiter.policy({ weight: 1, key: "orders" }), timeout(50, { clock }));
    expect(await policy.execute(({ signal }) => signal.aborted)).toBe(false);
    const controller = new AbortController();
    const waiting = policy.execute(() => "late", controller.signal);
    controller.abort("cancelled");
    await expect(waiting).rejects.toBe("cancelled");
    await expect(wrap(limiter).execute(() => "default key")).resolves.toBe("default key");
    const doubled = limiter.wrap((n: number) => n * 2)(21);
    await clock.advance(100);
    expect(await doubled).toBe(42);
    await expect(rateLimiter({ limit: 1, intervalMs: 1, clock }).wrap(() => 1)()).resolves.toBe(1);
  });
});

describe("rateLimiter snapshots", () => {
  it("hands spent budget over to a new limiter through toJSON and restore", async () => {
    const { clock, limiter } = setup();
    limiter.tryAcquire({ key: "acct-1" });
    await clock.advance(40);
    const snapshot = JSON.parse(JSON.stringify(limiter.toJSON())) as unknown;
    expect(snapshot).toEqual({
      version: 1,
      name: "kraken",
      limit: 1,
      intervalMs: 100,
      burst: 0,
      keys: { "acct-1": [[0, 1]] },
    });
    const next = rateLimiter({ name: "kraken", limit: 1, intervalMs: 100, clock });
    next.restore(snapshot);
    expect(next.tryAcquire({ key: "acct-1" })).toEqual({ ok: false, retryAfterMs: 60 });
    expect(next.tryAcquire({ key: "acct-2" })).toEqual({ ok: true });
  });

  it.each([null, { version: 2, keys: {} }, { version: 1, keys: { a: [[0, -1]] } }])(
    "rejects a malformed snapshot %o with a ConfigError",
    (snapshot) => {
      expect(() => setup().limiter.restore(snapshot)).toThrow(ConfigError);
    },
  );
});
