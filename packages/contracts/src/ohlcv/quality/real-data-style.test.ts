import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../check-ohlcv";
import { DAY, MINUTE, seriesAt, setBar, weekdayDays } from "./__fixtures__/series";

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

// NYSE 2001: the single-day holidays, and the four-day closure after 9/11 (Tue 11 – Fri 14 Sep).
const HOLIDAYS_2001 = [
  utc(2001, 1, 1),
  utc(2001, 1, 15),
  utc(2001, 2, 19),
  utc(2001, 4, 13),
  utc(2001, 5, 28),
  utc(2001, 7, 4),
  utc(2001, 9, 3),
  utc(2001, 11, 22),
  utc(2001, 12, 25),
];
const CLOSURE_2001 = [utc(2001, 9, 11), utc(2001, 9, 12), utc(2001, 9, 13), utc(2001, 9, 14)];

describe("quality warnings on real-data-style series", () => {
  it("reports the four-day closure once, with its length, and no single holiday", () => {
    const stamps = weekdayDays(utc(2001, 1, 1), 365, [...HOLIDAYS_2001, ...CLOSURE_2001]);
    const report = checkOhlcv(seriesAt(stamps), { quality: { calendar: "weekdays" } });
    expect(report.quality).toEqual({
      intervalMs: DAY,
      intervalSource: "median",
      calendar: "weekdays",
    });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings?.[0]).toMatchObject({
      rule: "gap",
      count: 1,
      rows: [stamps.indexOf(utc(2001, 9, 17))],
      lengths: [4],
    });
    expect(report.warnings?.[0]?.message).toContain("4 missing bars");
  });

  it("on the 24/7 calendar, weekends are gaps: the calendar matters", () => {
    const stamps = weekdayDays(utc(2001, 1, 1), 60);
    const gap = checkOhlcv(seriesAt(stamps), { quality: true }).warnings?.[0];
    expect(gap).toMatchObject({ rule: "gap", lengths: expect.arrayContaining([2]) });
  });

  it("accepts a user calendar (an exchange calendar with the closure marked closed)", () => {
    const closed = new Set([...HOLIDAYS_2001, ...CLOSURE_2001]);
    const open = (ms: number) => new Date(ms).getUTCDay() % 6 !== 0 && !closed.has(ms);
    const stamps = weekdayDays(utc(2001, 1, 1), 365, [...closed]);
    const report = checkOhlcv(seriesAt(stamps), {
      quality: { calendar: open, maxMissingBars: 0 },
    });
    expect(report.warnings).toEqual([]);
    expect(report.quality?.calendar).toBe("custom");
  });

  it("does not cry wolf on 2008-style +11.6% / -9% days or a persistent 12% drop", () => {
    const stamps = weekdayDays(utc(2008, 9, 1), 90);
    const s = seriesAt(stamps);
    let level = 100;
    const moves = new Map([
      [30, 1.116],
      [31, 0.995],
      [32, 0.91],
      [45, 0.88],
    ]);
    for (let i = 0; i < stamps.length; i++) {
      level *= moves.get(i) ?? 1 + Math.sin(i * 7) * 0.01;
      setBar(s, i, level);
    }
    const report = checkOhlcv(s, { quality: { calendar: "weekdays" } });
    expect(report.warnings).toEqual([]);
  });

  it("still finds a one-minute bad tick in a crypto series", () => {
    const stamps = Array.from({ length: 1440 }, (_, i) => utc(2024, 3, 1) + i * MINUTE);
    const s = seriesAt(stamps);
    setBar(s, 777, (s.close[776] as number) * 1.3);
    expect(checkOhlcv(s, { quality: true }).warnings).toEqual([
      expect.objectContaining({ rule: "price_jump", kind: "spike", rows: [777], lengths: [1] }),
    ]);
  });
});
