// LocalLog waits and give-backs: when a waiting take is admitted (after the newest entry, once
// enough older weight has left), what remove gives back, and the 1e-9 float tolerance's edge.
import { describe, expect, it } from "vitest";
import { LocalLog, type LocalDecision } from "./local-log";

const CAP = 10;
const INTERVAL = 1_000;

const admitted = (decision: LocalDecision) => {
  if (!decision.ok) throw new Error(`expected an admission, got ${JSON.stringify(decision)}`);
  return decision;
};

describe("LocalLog waits and removals", () => {
  it("waits until enough of the oldest weight has left, several entries if need be", () => {
    const log = new LocalLog();
    log.take(0, 4, CAP, INTERVAL, 0);
    log.take(100, 4, CAP, INTERVAL, 0);
    // 8 + 7 is 5 over the cap: the 4 at 0 is not enough, the 4 at 100 must leave too.
    expect(log.take(200, 7, CAP, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 900 });
  });

  it("starts a take after a future shared admission, counting only the window that ends there", () => {
    const log = new LocalLog();
    log.record(0, 5);
    log.record(1_500, 1); // Redis admitted it for 1_500 (a wait)
    // From 1_500 the 5 at 0 has left the window: 1 + 6 fits at 1_500, not earlier.
    expect(log.take(100, 6, CAP, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 1_400 });
  });

  it("removing the newest waiting reservation lets the next caller in at once", () => {
    const log = new LocalLog();
    log.take(0, 5, CAP, INTERVAL, 0);
    const waiting = admitted(log.take(100, 6, CAP, INTERVAL, 5_000));
    expect(waiting.waitMs).toBe(900);
    expect(log.newest).toBe(1_000);
    log.remove(waiting.entry);
    expect(log.newest).toBe(0);
    expect(log.take(200, 1, CAP, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 0 });
  });

  it("a partial remove leaves the rest of the entry counted until it leaves the window", () => {
    const log = new LocalLog();
    const first = admitted(log.take(0, 6, CAP, INTERVAL, 0));
    log.take(500, 4, CAP, INTERVAL, 0);
    log.remove(first.entry, 2);
    expect(first.entry.weight).toBe(4);
    // 8 + 7 is 5 over: the 4 left at 0 is not enough, so the 4 at 500 must leave too.
    expect(log.take(600, 7, CAP, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 900 });
  });

  it("removing an entry the window already dropped changes nothing", () => {
    const log = new LocalLog();
    const old = admitted(log.take(0, 5, CAP, INTERVAL, 0));
    log.take(2_000, 3, CAP, INTERVAL, 0);
    log.remove(old.entry);
    log.remove({ at: 2_000, weight: 3, local: true }); // not in this log either
    expect(old.entry.weight).toBe(5);
    expect(log.take(2_100, 8, CAP, INTERVAL, 0)).toEqual({ ok: false, retryAfterMs: 900 });
  });

  describe("the 1e-9 tolerance for float noise is inclusive", () => {
    it("a weight exactly 1e-9 over the room left fits without waiting", () => {
      expect(new LocalLog().take(0, 2e-9, 1e-9, INTERVAL, 0)).toMatchObject({
        ok: true,
        waitMs: 0,
      });
      const log = new LocalLog();
      log.take(0, 1e-9, 1e-9, INTERVAL, 0);
      expect(log.take(100, 1e-9, 1e-9, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    });

    it("a wait ends when the weight left over is exactly 1e-9", () => {
      const log = new LocalLog();
      log.take(0, 1e-10, 1e-9, INTERVAL, 0);
      log.take(100, 1e-9, 1e-9, INTERVAL, 0);
      // 1.1e-9 + 1e-9 - 1e-9 is 1.1e-9 over; once the 1e-10 at 0 leaves it is exactly 1e-9.
      expect(log.take(200, 1e-9, 1e-9, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 800 });
    });

    it("an entry with exactly 1e-9 left after a remove is gone", () => {
      const log = new LocalLog();
      log.take(0, CAP, CAP, INTERVAL, 0);
      const waiting = admitted(log.take(100, 2e-9, CAP, INTERVAL, 5_000));
      expect(log.newest).toBe(1_000);
      log.remove(waiting.entry, 1e-9);
      expect(log.newest).toBe(0);
    });
  });
});
