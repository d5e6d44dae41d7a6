// The insurance share on a virtual clock (Date is faked): how large it is, when the first local
// admission of an outage may come (holdOff), what an outage's end hands back for replay, and
// which keys' logs are dropped as idle.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Insurance } from "./insurance";
import { resolveRateLimitOptions, type RedisRateLimitStoreOptions } from "./rate-limit-options";
import type { RateLimitTakeRequest } from "./store-contract";

const T0 = 1_700_000_000_000;
const WINDOW = 1_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const insurance = (options: RedisRateLimitStoreOptions) =>
  new Insurance(resolveRateLimitOptions({ logger: { warn: () => undefined }, ...options }));

const request = (weight: number, extra: Partial<RateLimitTakeRequest> = {}) => ({
  key: "k",
  weight,
  limit: 10,
  intervalMs: WINDOW,
  burst: 0,
  maxWaitMs: 0,
  ...extra,
});

/** Decides `req` against a fresh key's log. */
const decideFresh = (ins: Insurance, req: RateLimitTakeRequest) =>
  ins.decide(req, ins.logFor(`fresh-${Math.random()}`, WINDOW), WINDOW);

describe("Insurance: the share", () => {
  it("is insurance.limit when given, even without fleetSize", () => {
    const ins = insurance({ insurance: { limit: 3, holdOff: false }, reconnectIntervalMs: 750 });
    expect(decideFresh(ins, request(3))).toMatchObject({ ok: true, waitMs: 0 });
    expect(decideFresh(ins, request(4))).toEqual({ ok: false, retryAfterMs: 750 });
  });

  it("is (limit + burst) / fleetSize without insurance.limit", () => {
    const ins = insurance({
      fleetSize: 2,
      insurance: { holdOff: false },
      reconnectIntervalMs: 750,
    });
    expect(decideFresh(ins, request(10, { burst: 10 }))).toMatchObject({ ok: true, waitMs: 0 });
    expect(decideFresh(ins, request(11, { burst: 10 }))).toEqual({ ok: false, retryAfterMs: 750 });
  });

  it("is nothing without either (fail closed): every call is told to come back after a reconnect", () => {
    const ins = insurance({ insurance: { holdOff: false } });
    expect(decideFresh(ins, request(1))).toEqual({ ok: false, retryAfterMs: 1_000 });
  });
});

describe("Insurance: holdOff", () => {
  it("admits the first local call one window after the outage's first enter, not a later one", () => {
    const ins = insurance({ insurance: { limit: 5 } });
    ins.enter(T0);
    vi.setSystemTime(T0 + 400);
    ins.enter(T0 + 400);
    const log = ins.logFor("k", WINDOW);
    const decision = ins.decide(request(1, { maxWaitMs: 5_000 }), log, WINDOW);
    expect(decision).toMatchObject({ ok: true, waitMs: 600 });
    expect(decision.ok && decision.entry.at).toBe(T0 + WINDOW);
  });

  it("a call that may not wait is told to retry when the hold ends", () => {
    const ins = insurance({ insurance: { limit: 5 } });
    ins.enter(T0);
    vi.setSystemTime(T0 + 400);
    expect(decideFresh(ins, request(1))).toEqual({ ok: false, retryAfterMs: 600 });
  });

  it("a call the share cannot take in the first window after the hold waits for the hold and the window", () => {
    const ins = insurance({ insurance: { limit: 5 } });
    ins.enter(T0);
    const log = ins.logFor("k", WINDOW);
    expect(ins.decide(request(5, { maxWaitMs: 5_000 }), log, WINDOW)).toMatchObject({
      ok: true,
      waitMs: WINDOW,
    });
    expect(ins.decide(request(1, { maxWaitMs: 1_500 }), log, WINDOW)).toEqual({
      ok: false,
      retryAfterMs: 2 * WINDOW,
    });
  });
});

describe("Insurance: outages and keys", () => {
  it("leave hands back each key's local admissions inside its window, once per outage", () => {
    const ins = insurance({ insurance: { limit: 5, holdOff: false } });
    expect(ins.leave(T0)).toEqual([]);
    ins.enter(T0);
    const log = ins.logFor("k", WINDOW);
    ins.decide(request(2), log, WINDOW);
    vi.setSystemTime(T0 + 300);
    ins.decide(request(1), log, WINDOW);
    expect(ins.leave(T0 + WINDOW)).toEqual([
      { key: "k", windowMs: WINDOW, entries: [{ at: T0 + 300, weight: 1, local: false }] },
    ]);
    expect(ins.leave(T0 + WINDOW)).toEqual([]);
  });

  it("a new outage after leave holds off from its own start", () => {
    const ins = insurance({ insurance: { limit: 5 } });
    ins.enter(T0);
    ins.leave(T0 + 100);
    vi.setSystemTime(T0 + 5_000);
    ins.enter(T0 + 5_000);
    expect(decideFresh(ins, request(1, { maxWaitMs: 5_000 }))).toMatchObject({
      ok: true,
      waitMs: WINDOW,
    });
  });

  it("keeps the longest window any key used", () => {
    const ins = insurance({ insurance: { limit: 5 } });
    ins.logFor("a", 1_000);
    ins.logFor("b", 3_000);
    ins.logFor("a", 2_000);
    expect(ins.maxWindowMs).toBe(3_000);
  });

  it("on every 1,000th call drops the logs idle for a window, and keeps the others", () => {
    const ins = insurance({ insurance: { limit: 5, holdOff: false } });
    const idle = ins.logFor("idle", WINDOW); // call 1
    idle.record(T0, 1);
    const busy = ins.logFor("busy", WINDOW); // call 2
    vi.setSystemTime(T0 + WINDOW);
    busy.record(T0 + WINDOW, 1);
    for (let call = 3; call < 999; call += 1) ins.logFor("other", WINDOW);
    expect(ins.logFor("idle", WINDOW)).toBe(idle); // call 999: no sweep yet
    const fresh = ins.logFor("idle", WINDOW); // call 1,000: swept first, then made anew
    expect(fresh).not.toBe(idle);
    expect(fresh.newest).toBe(-Infinity);
    expect(ins.logFor("busy", WINDOW)).toBe(busy);
  });
});
