import { describe, expect, it } from "vitest";
import { parseTimestampText } from "./iso-timestamp";

describe("parseTimestampText", () => {
  it("reads zoned ISO stamps as instants", () => {
    expect(parseTimestampText("2024-01-01T00:00:00Z")).toEqual({ ms: 1704067200000, naive: false });
    expect(parseTimestampText("2024-01-01T01:00:00+01:00")?.ms).toBe(1704067200000);
    expect(parseTimestampText("2023-12-31T19:00:00-0500")?.ms).toBe(1704067200000);
    expect(parseTimestampText("2024-01-01T09:00+09")?.ms).toBe(1704067200000);
    expect(parseTimestampText("2024-01-01 00:00:00.123456z")?.ms).toBe(1704067200123);
  });

  it("reads zone-less stamps as UTC wall time and flags them naive", () => {
    expect(parseTimestampText("2024-02-29 12:30")).toEqual({
      ms: Date.UTC(2024, 1, 29, 12, 30),
      naive: true,
    });
    expect(parseTimestampText("2024-03-10")).toEqual({ ms: Date.UTC(2024, 2, 10), naive: true });
  });

  it("agrees with Date.parse on zoned stamps over many dates", () => {
    for (let ms = -5e12; ms < 5e12; ms += 7.3e9 + 123) {
      const iso = new Date(ms).toISOString();
      expect(parseTimestampText(iso)?.ms).toBe(ms);
    }
  });

  it("rejects malformed and out-of-range stamps", () => {
    for (const bad of [
      "",
      "garbage",
      "2023-02-29",
      "2024-13-01",
      "2024-01-01T24:00:00Z",
      "2024-01-01T10:60Z",
      "2024-01-01T10:00:00+2400",
      "2024-01-01T10:00:00 UTC",
      "2024-01-01T10Z",
      "2024-01-01.5",
      "1704067200000",
    ]) {
      expect(parseTimestampText(bad), bad).toBeUndefined();
    }
  });
});
