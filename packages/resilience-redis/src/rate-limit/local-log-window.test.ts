// What leaves the LocalLog's window, and what it then forgets: the local admissions handed back
// for replay, the newest time, the running sum, and the old prefix of its entry array.
import { describe, expect, it } from "vitest";
import { LocalLog } from "./local-log";

const CAP = 10;
const INTERVAL = 1_000;

/** A take heavier than the cap: always rejected, but it still moves the window to `now`. */
const moveWindowTo = (log: LocalLog, now: number) =>
  expect(log.take(now, CAP + 1, CAP, INTERVAL, 0)).toMatchObject({ ok: false });

describe("LocalLog: what leaves the window", () => {
  it("a take forgets a local admission exactly one interval old, and keeps a younger one", () => {
    const log = new LocalLog();
    log.take(0, 1, CAP, INTERVAL, 0);
    moveWindowTo(log, 1_000);
    expect(log.takeLocalSince(-1)).toEqual([]);
    expect(log.idleSince(-1)).toBe(true);

    const younger = new LocalLog();
    younger.take(1, 1, CAP, INTERVAL, 0);
    moveWindowTo(younger, 1_000);
    expect(younger.takeLocalSince(-1)).toEqual([{ at: 1, weight: 1, local: false }]);
  });

  it("a record with intervalMs drops what left the window; one without keeps it", () => {
    const trimmed = new LocalLog();
    trimmed.take(0, 1, CAP, INTERVAL, 0);
    trimmed.record(1_000, 2, INTERVAL);
    expect(trimmed.takeLocalSince(-1)).toEqual([]);

    const kept = new LocalLog();
    kept.take(0, 1, CAP, INTERVAL, 0);
    kept.record(1_000, 2);
    expect(kept.takeLocalSince(-1).map((e) => e.at)).toEqual([0]);
  });

  it("hands back only the local admissions strictly newer than sinceMs, and marks all of them shared", () => {
    const log = new LocalLog();
    log.take(0, 1, CAP, INTERVAL, 0);
    log.take(10, 2, CAP, INTERVAL, 0);
    expect(log.takeLocalSince(0)).toEqual([{ at: 10, weight: 2, local: false }]);
    expect(log.takeLocalSince(-1)).toEqual([]);
  });

  it("never folds a shared admission into a local one of the same millisecond", () => {
    const log = new LocalLog();
    const local = log.take(0, 3, CAP, INTERVAL, 0);
    const shared = log.record(0, 2);
    expect(local.ok && shared !== local.entry).toBe(true);
    expect(log.takeLocalSince(-1)).toEqual([{ at: 0, weight: 3, local: false }]);
  });

  it("a late shared record after the window emptied the log is a new entry, not part of the old one", () => {
    const log = new LocalLog();
    const old = log.record(0, 1);
    moveWindowTo(log, 1_000);
    const late = log.record(0, 2);
    expect(late).not.toBe(old);
    expect(late).toEqual({ at: 0, weight: 2, local: false });
    expect(log.newest).toBe(0);
  });

  it("is idle since a cutoff at or after its newest entry, and not before it", () => {
    const log = new LocalLog();
    expect(log.idleSince(-1e12)).toBe(true);
    log.record(100, 1);
    expect(log.idleSince(99)).toBe(false);
    expect(log.idleSince(100)).toBe(true);
    expect(log.idleSince(101)).toBe(true);
  });

  it("a log the window emptied starts its sum again from zero (sums this large lose precision)", () => {
    const log = new LocalLog();
    log.record(0, 1e16);
    log.record(1, 1); // 1e16 + 1 rounds to 1e16: taking both out again leaves -1
    expect(log.take(1_001, CAP, CAP, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(log.take(1_001, 1, CAP, INTERVAL, 0)).toEqual({ ok: false, retryAfterMs: 1_000 });
  });

  it("after cutting off a long expired prefix, neither replays nor counts it again", () => {
    const log = new LocalLog();
    for (let at = 0; at < 1_100; at += 1) log.take(at, 1, 2_000, INTERVAL, 0);
    expect(log.take(2_100, 1, 2_000, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(log.takeLocalSince(-1)).toEqual([{ at: 2_100, weight: 1, local: false }]);
    expect(log.take(2_100, 1_999, 2_000, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(log.take(2_100, 1, 2_000, INTERVAL, 0)).toMatchObject({ ok: false });
  });
});
