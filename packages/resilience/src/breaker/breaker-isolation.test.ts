import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import type { StateChangeEvent } from "./circuit-state";
import { createVirtualClock } from "../time/virtual-clock";

// Isolation counts: only the first isolation moves the breaker, a stale release is inert.

describe("breaker isolation", () => {
  it("keeps the first isolation's openedAt when isolated again", async () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({ clock });
    breaker.isolate();
    await clock.advance(10);
    breaker.isolate();
    expect(breaker.stats).toMatchObject({ openedAt: 0, generation: 1, isolated: true });
  });

  it("lets a later isolation work after a release made stale by reset", () => {
    const breaker = circuitBreaker({ clock: createVirtualClock(0) });
    const stale = breaker.isolate();
    breaker.reset();
    stale();
    breaker.isolate();
    expect(breaker.state).toBe("open");
  });

  it("isolating an open breaker is no state change", async () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({ clock, failureThreshold: 1 });
    const changes: StateChangeEvent[] = [];
    breaker.onStateChange((e) => changes.push(e));
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    breaker.isolate();
    expect(changes.map((c) => c.reason)).toEqual(["failures"]);
    expect(breaker.stats.stateChanges).toBe(1);
  });
});
