import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkTimeZone, createZoneReader } from "./time-zone";

describe("time zones", () => {
  it("reads wall times in a zone across both DST changes", () => {
    const ny = createZoneReader("America/New_York");
    expect(ny(Date.UTC(2024, 0, 15, 9, 30))).toBe(Date.UTC(2024, 0, 15, 14, 30));
    expect(ny(Date.UTC(2024, 6, 15, 9, 30))).toBe(Date.UTC(2024, 6, 15, 13, 30));
    expect(ny(Date.UTC(2024, 2, 10, 2, 30))).toBeNaN();
    const first = ny(Date.UTC(2024, 10, 3, 1, 30));
    expect(first).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(ny(Date.UTC(2024, 10, 3, 1, 30), first)).toBe(Date.UTC(2024, 10, 3, 6, 30));
  });

  it("handles half-hour zones and the southern hemisphere", () => {
    expect(createZoneReader("Asia/Kolkata")(Date.UTC(2024, 0, 1))).toBe(
      Date.UTC(2023, 11, 31, 18, 30),
    );
    expect(createZoneReader("Australia/Sydney")(Date.UTC(2024, 0, 1, 11))).toBe(
      Date.UTC(2024, 0, 1),
    );
  });

  it("rejects an unknown zone with the nearest names", () => {
    try {
      checkTimeZone("America/New_Yrok");
    } catch (e) {
      expect(isConfigError(e) && e.hint).toContain("America/New_York");
      return;
    }
    throw new Error("expected a ConfigError");
  });
});
