import { describe, expect, it } from "vitest";
import { SlidingLog } from "./sliding-log";

// The log's own state, entry by entry: what it keeps in memory (compaction), where bookings
// end and admissions begin, and the times a late release leaves behind.

const admittedAt = (times: number[], capacity = 10_000, intervalMs = 100) => {
  const log = new SlidingLog(capacity, intervalMs);
  for (const t of times) log.push(t, 1, true);
  return log;
};
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("SlidingLog memory", () => {
  it("compacts once more than 256 entries left and they are over half the log", () => {
    const log = admittedAt(range(400));
    const kept = log.admitted().slice(258);
    log.evict(357); // entries 0..257 left the window [257, 357)
    expect([log.times.length, log.head, log.base, log.released]).toEqual([142, 0, 0, 142]);
    expect(log.totals[0]).toBe(1);
    expect(log.admittedTotal).toBe(142);
    expect(log.admitted()).toEqual(kept);
  });

  it("keeps the prefix at exactly 256 evicted entries, or exactly half the log", () => {
    const at256 = admittedAt(range(400));
    at256.evict(355);
    expect([at256.times.length, at256.head, at256.base]).toEqual([400, 256, 256]);
    const half = admittedAt(range(514));
    half.evict(356); // 257 of 514 left: 257 × 2 is not more than 514
    expect([half.times.length, half.head]).toEqual([514, 257]);
    expect(half.admitted()).toHaveLength(257);
  });
});

describe("SlidingLog bookings", () => {
  it("counts a lone booking in bookedTotal and keeps it out of evictions", () => {
    const log = new SlidingLog(10, 100);
    log.push(5, 3, false);
    expect([log.bookedTotal, log.admittedTotal]).toEqual([3, 0]);
    const mixed = new SlidingLog(10, 100);
    mixed.push(0, 2, true);
    mixed.push(10, 4, false);
    mixed.evict(1_000);
    expect([mixed.head, mixed.released, mixed.bookedTotal]).toEqual([1, 1, 6]);
    expect(mixed.idle(1_000)).toBe(false);
  });

  it("is idle when empty, or when every admission left and nothing is booked", () => {
    expect(new SlidingLog(10, 100).idle(0)).toBe(true);
    const log = admittedAt([10]);
    expect([log.idle(109), log.idle(110)]).toEqual([false, true]);
  });

  it("raises later bookings to a late release's time, and only those before it", () => {
    const log = new SlidingLog(10, 100);
    for (const t of [10, 20, 30, 50]) log.push(t, 1, false);
    log.releaseNext(35);
    expect(log.times).toEqual([35, 35, 35, 50]);
    expect([log.released, log.admittedTotal]).toEqual([1, 1]);
    log.releaseNext(36);
    expect(log.times).toEqual([35, 36, 36, 50]);
    expect([log.released, log.admittedTotal]).toEqual([2, 2]);
  });

  it("counts every push, release and dropped booking as a change", () => {
    const log = new SlidingLog(10, 100);
    log.push(0, 1, false);
    log.push(1, 1, false);
    log.releaseNext(2);
    log.dropBookings();
    expect([log.changes, log.times.length, log.released]).toEqual([4, 1, 1]);
  });
});

describe("SlidingLog lookups", () => {
  it("never answers earlier than `lower` even when the blocking entry leaves before it", () => {
    const log = admittedAt([0], 1);
    expect(log.earliest(log.times.length, log.bookedTotal, 1, 500)).toBe(500);
    expect(log.earliest(log.times.length, log.bookedTotal, 1, 40)).toBe(100);
  });

  it("gives the last entry's time while one is kept, else the fallback", () => {
    const log = new SlidingLog(10, 100);
    expect(log.lastTime(-1)).toBe(-1);
    log.push(7, 1, true);
    expect(log.lastTime(-1)).toBe(7);
    log.evict(107);
    expect(log.lastTime(-1)).toBe(-1);
  });
});
