import { describe, expect, it } from "vitest";
import { Leases } from "./lease";

// Sent at local time 0, granted at Redis time 5_000; a 1 s window has 50 ms slots.
const granted = { ok: true, ms: 0, slot: 1, granted: 10, now: 5_000, sentAt: 0 };
const asked = { weight: 2, cap: 100, windowMs: 1_000 };

describe("Leases (local spending of weight reserved in Redis)", () => {
  it("spends the lease left after the asking take, in Redis's time frame, until it runs out", () => {
    const leases = new Leases(10, 40);
    expect(leases.ask("k", 2, 100)).toBe(10);
    leases.answered("k", asked, granted);
    expect(leases.spend("k", 5, 100, 1_000, 30)).toBe(5_030);
    expect(leases.spend("k", 4, 100, 1_000, 31)).toBeUndefined();
    expect(leases.spend("k", 3, 100, 1_000, 31)).toBe(5_031);
    expect(leases.spend("k", 1, 100, 1_000, 32)).toBeUndefined();
  });

  it("is spent only until ttlMs after its take was sent, and one question is in flight at a time", () => {
    const leases = new Leases(10, 40);
    leases.ask("k", 2, 100);
    expect(leases.ask("k", 2, 100)).toBe(0);
    leases.answered("k", asked, { ...granted, sentAt: 100 });
    expect(leases.spend("k", 1, 100, 1_000, 139)).toBe(5_039);
    expect(leases.spend("k", 1, 100, 1_000, 140)).toBeUndefined();
    // The next lease may be asked for at once: a lease never lets a window exceed the cap.
    expect(leases.ask("k", 2, 100)).toBe(10);
  });

  it("is spent for at most one slot of the log (windowMs / 20), whatever ttlMs says", () => {
    const leases = new Leases(10, 500);
    leases.ask("k", 2, 100);
    leases.answered("k", asked, granted);
    expect(leases.spend("k", 1, 100, 1_000, 49)).toBe(5_049);
    expect(leases.spend("k", 1, 100, 1_000, 50)).toBeUndefined();
  });

  it("spends nothing for another cap or window, a refused lease, or a weight above the lease", () => {
    const leases = new Leases(10, 40);
    expect(leases.ask("k", 11, 100)).toBe(0);
    expect(leases.ask("k", 2, 5)).toBe(0); // the lease would not fit the cap
    leases.ask("k", 2, 100);
    leases.answered("k", asked, granted);
    expect(leases.spend("k", 1, 50, 1_000, 1)).toBeUndefined();
    expect(leases.spend("k", 1, 100, 2_000, 1)).toBeUndefined();
    leases.ask("j", 2, 100);
    leases.answered("j", asked, { ...granted, granted: 2 });
    expect(leases.spend("j", 1, 100, 1_000, 1)).toBeUndefined();
  });
});
