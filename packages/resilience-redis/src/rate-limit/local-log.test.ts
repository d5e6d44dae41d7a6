import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { heaviestWindow } from "./__fixtures__/windows";
import { LocalLog } from "./local-log";

const CAP = 10;
const INTERVAL = 1_000;

describe("LocalLog (the insurance limiter)", () => {
  it("admits up to the cap, then tells when the oldest weight leaves the window", () => {
    const log = new LocalLog();
    expect(log.take(0, 6, CAP, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(log.take(400, 4, CAP, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(log.take(500, 3, CAP, INTERVAL, 0)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(log.take(1_000, 3, CAP, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
  });

  it("reserves a later slot within maxWaitMs, in arrival order, and gives it back on remove", () => {
    const log = new LocalLog();
    log.take(0, 10, CAP, INTERVAL, 0);
    const first = log.take(100, 5, CAP, INTERVAL, 5_000);
    expect(first).toMatchObject({ ok: true, waitMs: 900 });
    // A lighter caller behind it does not jump the queue.
    expect(log.take(200, 1, CAP, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 800 });
    if (first.ok) log.remove(first.entry);
    expect(log.take(300, 9, CAP, INTERVAL, 5_000)).toMatchObject({ ok: true, waitMs: 700 });
  });

  it("rejects a weight above the cap instead of waiting forever", () => {
    expect(new LocalLog().take(0, CAP + 1, CAP, INTERVAL, 60_000)).toEqual({
      ok: false,
      retryAfterMs: Infinity,
    });
  });

  it("hands back each local-only admission once for replay", () => {
    const log = new LocalLog();
    log.record(0, 2);
    log.take(10, 3, CAP, INTERVAL, 0);
    expect(log.takeLocalSince(-1).map((e) => e.weight)).toEqual([3]);
    expect(log.takeLocalSince(-1)).toEqual([]);
  });

  it("keeps shared admissions of one millisecond in one entry, and gives back one caller's weight", () => {
    const log = new LocalLog();
    const first = log.record(100, 2, INTERVAL);
    expect(log.record(100, 3, INTERVAL)).toBe(first);
    expect(first.weight).toBe(5);
    log.remove(first, 3);
    expect(log.take(100, 8, CAP, INTERVAL, 0)).toMatchObject({ ok: true, waitMs: 0 });
    expect(log.take(100, 1, CAP, INTERVAL, 0)).toMatchObject({ ok: false });
  });

  test.prop(
    [
      fc.array(
        fc.record({
          gap: fc.integer({ min: 0, max: 400 }),
          weight: fc.integer({ min: 1, max: CAP }),
          maxWait: fc.constantFrom(0, 0, 250, 2_000),
        }),
        { maxLength: 300 },
      ),
    ],
    { numRuns: 200 },
  )("never admits more than the cap in any window, whatever the arrivals", (arrivals) => {
    const log = new LocalLog();
    const admitted: { t: number; w: number }[] = [];
    let now = 0;
    for (const { gap, weight, maxWait } of arrivals) {
      now += gap;
      const decision = log.take(now, weight, CAP, INTERVAL, maxWait);
      if (decision.ok) admitted.push({ t: now + decision.waitMs, w: weight });
    }
    expect(heaviestWindow(admitted, INTERVAL)).toBeLessThanOrEqual(CAP);
  });
});
