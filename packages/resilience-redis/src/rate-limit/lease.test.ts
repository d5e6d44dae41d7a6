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

describe("Leases: the refill asked while a lease still pays", () => {
  const refilled = { ...granted, granted: 10, now: 5_020, sentAt: 20 };
  const refill = { weight: 0, cap: 100, windowMs: 1_000 };

  it("is due once per lease, when more than half is spent and nothing else is held or asked", () => {
    const leases = new Leases(10, 40);
    expect(leases.refillDue("k")).toBe(false); // no lease
    leases.ask("k", 2, 100);
    leases.answered("k", asked, granted, 1); // 8 left
    expect(leases.spend("k", 3, 100, 1_000, 2)).toBe(5_002); // 5 left: half
    expect(leases.refillDue("k")).toBe(false);
    leases.spend("k", 1, 100, 1_000, 3); // 4 left
    expect(leases.refillDue("k")).toBe(true);
    expect(leases.refillDue("k")).toBe(false);
    const other = new Leases(10, 40);
    other.ask("j", 6, 100);
    other.answered("j", { ...asked, weight: 6 }, granted, 1); // 4 left
    other.ask("j", 2, 100); // a question in flight
    expect(other.refillDue("j")).toBe(false);
  });

  it("holds a refill granted while the lease pays, and spends it in its own frame once the first cannot", () => {
    const leases = new Leases(10, 40);
    leases.ask("k", 2, 100);
    leases.answered("k", asked, granted, 1); // 8 left, spent until local 40
    expect(leases.ask("k", 0, 100)).toBe(10);
    leases.answered("k", refill, refilled, 21); // held: 10, spent until local 60
    expect(leases.spend("k", 4, 100, 1_000, 22)).toBe(5_022); // 4 left of the first: below half
    expect(leases.refillDue("k")).toBe(false); // a next one is held
    expect(leases.spend("k", 4, 100, 1_000, 22)).toBe(5_022); // the first lease, used up
    expect(leases.spend("k", 4, 100, 1_000, 23)).toBe(5_023); // the refill: 5_020 + (23 - 20)
    expect(leases.spend("k", 6, 100, 1_000, 59)).toBe(5_059);
    expect(leases.spend("k", 1, 100, 1_000, 59)).toBeUndefined();
  });

  it("moves to the held refill once the first lease's time is up, and takes one only while none pays", () => {
    const leases = new Leases(10, 40);
    leases.ask("k", 2, 100);
    leases.answered("k", asked, granted, 1);
    leases.ask("k", 0, 100);
    leases.answered("k", refill, refilled, 21);
    expect(leases.spend("k", 1, 100, 1_000, 40)).toBe(5_040); // the first ends at 40
    // A lease answered after the first expired replaces it instead of waiting behind it.
    const late = new Leases(10, 40);
    late.ask("k", 2, 100);
    late.answered("k", asked, granted, 1);
    late.ask("k", 0, 100);
    late.answered("k", refill, refilled, 41);
    expect(late.spend("k", 1, 100, 1_000, 42)).toBe(5_042);
    expect(late.spend("k", 10, 100, 1_000, 43)).toBeUndefined(); // 9 left of the refill
  });
});

describe("Leases: what is asked and what counts as granted", () => {
  it("asks for a lease as large as the cap, or with a take of the lease's size", () => {
    expect(new Leases(10, 40).ask("k", 2, 10)).toBe(10);
    expect(new Leases(10, 40).ask("k", 10, 100)).toBe(10);
  });

  it("ignores an answer for a key never asked, and a failed or waiting answer clears the question", () => {
    const leases = new Leases(10, 40);
    expect(() => leases.answered("never", asked, granted)).not.toThrow();
    expect(leases.spend("never", 1, 100, 1_000, 1)).toBeUndefined();
    leases.ask("k", 2, 100);
    leases.answered("k", asked, undefined); // Redis failed
    expect(leases.spend("k", 1, 100, 1_000, 1)).toBeUndefined();
    expect(leases.ask("k", 10, 100)).toBe(10);
    // A take of the lease's size admitted after a wait is that take, not a lease.
    leases.answered("k", { ...asked, weight: 10 }, { ...granted, ms: 5 });
    expect(leases.spend("k", 1, 100, 1_000, 1)).toBeUndefined();
    expect(leases.refillDue("k")).toBe(false); // no lease to refill
  });
});
