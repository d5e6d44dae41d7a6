import { describe, expect, it } from "vitest";
import { lastScan, parseTimestampText, scanTimestamp } from "./iso-timestamp";

const ms = (text: string) => parseTimestampText(text)?.ms;
const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

describe("parseTimestampText, field by field", () => {
  it("knows the last day of every month and the leap-year rules", () => {
    LAST_DAY.forEach((last, i) => {
      const mm = String(i + 1).padStart(2, "0");
      expect(ms(`2024-${mm}-${last}`), mm).toBe(Date.UTC(2024, i, last));
      expect(ms(`2024-${mm}-${last + 1}`), mm).toBeUndefined();
    });
    expect(ms("2000-02-29")).toBe(Date.UTC(2000, 1, 29));
    expect(ms("1900-02-29")).toBeUndefined();
    expect(ms("2100-02-28")).toBe(Date.UTC(2100, 1, 28));
    expect(ms("2100-02-29")).toBeUndefined();
    expect(ms("2023-02-28")).toBe(Date.UTC(2023, 1, 28));
    expect(ms("2024-01-00")).toBeUndefined();
    expect(ms("2024-00-10")).toBeUndefined();
  });

  it("reads dates before 1970 and before year 100", () => {
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 2, 1);
    expect(ms("0050-03-01")).toBe(year50.getTime());
    expect(ms("1969-12-31T23:59:59Z")).toBe(-1000);
    expect(ms("0000-02-29")).toBe(Date.parse("0000-02-29T00:00:00Z"));
  });

  it("refuses a non-digit anywhere in the date and wrong separators", () => {
    for (const bad of [
      "2024-0a-01",
      "2024-/1-01",
      "2024-:1-01",
      "20:4-01-01",
      "2024/01/01",
      "2024-01/01",
      "2024-01-1",
      "2024-01-01X10:00",
      "2024-01-01T10",
      "2024-01-01T10-00",
      "2024-01-01T1:00",
      "2024-01-01T10:0",
    ]) {
      expect(ms(bad), bad).toBeUndefined();
    }
  });

  it("reads the time of day with any separator and optional seconds and fraction", () => {
    expect(ms("2024-01-01t10:05Z")).toBe(Date.UTC(2024, 0, 1, 10, 5));
    expect(ms("2024-01-01 23:59:59")).toBe(Date.UTC(2024, 0, 1, 23, 59, 59));
    expect(ms("2024-01-01T00:00:00.123Z")).toBe(Date.UTC(2024, 0, 1) + 123);
    expect(ms("2024-01-01T00:00:00,5Z")).toBe(Date.UTC(2024, 0, 1) + 500);
    expect(ms("2024-01-01T00:00:00.12")).toBe(Date.UTC(2024, 0, 1) + 120);
    expect(ms("2024-01-01T00:00:00.9999")).toBe(Date.UTC(2024, 0, 1) + 999);
    expect(ms("2024-01-01T10:00.5Z")).toBe(Date.UTC(2024, 0, 1, 10) + 500);
    for (const bad of [
      "2024-01-01T10:00:60",
      "2024-01-01T10:00:5",
      "2024-01-01T10:00:00.",
      "2024-01-01T10:00:00.Z",
      "2024-01-01T10:00:00.5x",
    ]) {
      expect(ms(bad), bad).toBeUndefined();
    }
  });

  it("reads every zone form and refuses malformed ones", () => {
    const base = Date.UTC(2024, 0, 1, 12);
    expect(ms("2024-01-01T12:00z")).toBe(base);
    expect(ms("2024-01-01T12:00+05")).toBe(base - 5 * 3_600_000);
    expect(ms("2024-01-01T12:00+0530")).toBe(base - 330 * 60_000);
    expect(ms("2024-01-01T12:00-05:30")).toBe(base + 330 * 60_000);
    expect(ms("2024-01-01T12:00+23:59")).toBe(base - 1439 * 60_000);
    for (const bad of [
      "2024-01-01T12:00Zx",
      "2024-01-01T12:00+0",
      "2024-01-01T12:00+05:3",
      "2024-01-01T12:00+05-30",
      "2024-01-01T12:00+24",
      "2024-01-01T12:00+05:60",
      "2024-01-01T12:00+05300",
      "2024-01-01T12:00+5a",
      "2024-01-01T12:00+05:a0",
    ]) {
      expect(ms(bad), bad).toBeUndefined();
    }
  });

  it("flags the last scan naive or zoned and reads only inside its bounds", () => {
    const text = "x,2024-01-01T01:00+01:00,2024-01-02,y";
    expect(scanTimestamp(text, 2, 24)).toBe(Date.UTC(2024, 0, 1));
    expect(lastScan.naive).toBe(false);
    expect(scanTimestamp(text, 25, 35)).toBe(Date.UTC(2024, 0, 2));
    expect(lastScan.naive).toBe(true);
    expect(scanTimestamp(text, 2, 22)).toBeNaN(); // "+01:" cut off
    expect(scanTimestamp(text, 2, 11)).toBeNaN();
    expect(scanTimestamp("2024-01-01T10:00:00", 0, 17)).toBeNaN(); // seconds cut off
  });
});
