import { describe, expect, it } from "vitest";
import { Leases } from "./lease";

const granted = { ok: true, ms: 0, slot: 1, granted: 10, now: 5_000 };
const asked = { weight: 2, cap: 100, windowMs: 1_000 };

describe("Leases (local spending of weight reserved in Redis)", () => {
  it("spends the lease left after the asking take, in Redis's time frame, until it runs out", () => {
    const leases = new Leases(10, 100);
    expect(leases.ask("k", 2, 100, 0)).toBe(10);
    leases.answered("k", asked, 0, granted);
    expect(leases.spend("k", 5, 100, 1_000, 30)).toBe(5_030);
    expect(leases.spend("k", 4, 100, 1_000, 40)).toBeUndefined();
    expect(leases.spend("k", 3, 100, 1_000, 40)).toBe(5_040);
    expect(leases.spend("k", 1, 100, 1_000, 41)).toBeUndefined();
  });

  it("expires unspent weight after ttlMs and asks for the next lease only ttlMs after the last", () => {
    const leases = new Leases(10, 100);
    leases.ask("k", 2, 100, 0);
    expect(leases.ask("k", 2, 100, 10)).toBe(0); // one question in flight at a time
    leases.answered("k", asked, 0, granted);
    expect(leases.spend("k", 1, 100, 1_000, 99)).toBe(5_099);
    expect(leases.spend("k", 1, 100, 1_000, 100)).toBeUndefined();
    expect(leases.ask("k", 2, 100, 99)).toBe(0);
    expect(leases.ask("k", 2, 100, 100)).toBe(10);
  });

  it("spends nothing for another cap or window, a refused lease, or a weight above the lease", () => {
    const leases = new Leases(10, 100);
    expect(leases.ask("k", 11, 100, 0)).toBe(0);
    expect(leases.ask("k", 2, 5, 0)).toBe(0); // the lease would not fit the cap
    leases.ask("k", 2, 100, 0);
    leases.answered("k", asked, 0, granted);
    expect(leases.spend("k", 1, 50, 1_000, 1)).toBeUndefined();
    expect(leases.spend("k", 1, 100, 2_000, 1)).toBeUndefined();
    leases.ask("j", 2, 100, 0);
    leases.answered("j", asked, 0, { ...granted, granted: 2 });
    expect(leases.spend("j", 1, 100, 1_000, 1)).toBeUndefined();
  });
});
