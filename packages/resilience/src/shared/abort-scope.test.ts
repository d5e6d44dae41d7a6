import { describe, expect, it } from "vitest";
import { AbortScope } from "./abort-scope";
import { LazyRetryContext } from "./lazy-context";
import { neverAbortedSignal } from "./never-signal";
import { createVirtualClock } from "../time/virtual-clock";

describe("AbortScope", () => {
  it("shares one inert scope when there is nothing to follow", () => {
    const scope = AbortScope.create([undefined, neverAbortedSignal()]);
    expect(scope).toBe(AbortScope.create([]));
    expect(scope.signal.aborted).toBe(false);
    expect(scope.aborted).toBe(false);
  });

  it("forwards a single parent signal as is", () => {
    const parent = new AbortController();
    const scope = AbortScope.create([parent.signal]);
    expect(scope.signal).toBe(parent.signal);
    parent.abort("why");
    expect(scope.aborted).toBe(true);
    expect(scope.reason).toBe("why");
  });

  it("creates an already aborted signal when read after the deadline passed", async () => {
    const clock = createVirtualClock();
    const scope = AbortScope.create([], { clock, ms: 10, reason: () => "late" });
    const seen: unknown[] = [];
    scope.onAbort((reason) => seen.push(reason));
    await clock.advance(10);
    expect(scope.timedOut).toBe(true);
    expect(seen).toEqual(["late"]);
    expect(scope.signal.aborted).toBe(true);
    expect(scope.signal.reason).toBe("late");
  });

  it("follows several parents and unhooks on dispose", () => {
    const a = new AbortController();
    const b = new AbortController();
    const scope = AbortScope.create([a.signal, b.signal]);
    const signal = scope.signal;
    scope.dispose();
    b.abort();
    expect(signal.aborted).toBe(false);
    const live = AbortScope.create([a.signal, b.signal]);
    expect(live.aborted).toBe(true);
  });

  it("exposes the signal through a lazy context that destructures", () => {
    const parent = new AbortController();
    const { attempt, signal } = new LazyRetryContext(2, AbortScope.create([parent.signal]));
    expect(attempt).toBe(2);
    expect(signal).toBe(parent.signal);
  });
});
