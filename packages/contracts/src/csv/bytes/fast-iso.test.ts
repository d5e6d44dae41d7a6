import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanTimestampBytes } from "./byte-timestamp";
import { lastScan } from "../text/iso-timestamp";
import { fastStamp, zonedStampAt } from "./fast-iso";

const bytes = (text: string) => new TextEncoder().encode(text);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

// Stamps of the fast shape with every field drawn a little past its range (month 13, day 31
// of February, hour 24, a stray letter), so valid and invalid ones are both common.
const stamp = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 24 }),
    mi: fc.integer({ min: 0, max: 60 }),
    s: fc.integer({ min: 0, max: 60 }),
    ms: fc.option(fc.integer({ min: 0, max: 999 })),
    t: fc.constantFrom("T", "t", " ", "x"),
    dot: fc.constantFrom(".", ","),
    z: fc.constantFrom("Z", "z", "+00:00", ""),
    typo: fc.option(fc.integer({ min: 0, max: 23 }), { freq: 4 }),
  })
  .map((r) => {
    const frac = r.ms === null ? "" : `${r.dot}${pad(r.ms, 3)}`;
    const text = `${pad(r.y, 4)}-${pad(r.mo, 2)}-${pad(r.d, 2)}${r.t}${pad(r.h, 2)}:${pad(r.mi, 2)}:${pad(r.s, 2)}${frac}${r.z}`;
    return r.typo === null ? text : `${text.slice(0, r.typo)}?${text.slice(r.typo + 1)}`;
  });

describe("fastStamp", () => {
  it("is NaN or exactly scanTimestampBytes (zoned) on the fast shape and near misses", () => {
    fc.assert(
      fc.property(stamp, (text) => {
        const b = bytes(text);
        const fast = fastStamp(b, 0, b.length);
        const slow = scanTimestampBytes(b, 0, b.length);
        if (fast === fast) {
          expect(fast).toBe(slow);
          expect(lastScan.naive).toBe(false);
        }
        const zoned = zonedStampAt(b, 0, b.length);
        const want = slow === slow && !lastScan.naive ? slow : Number.NaN;
        expect(Object.is(zoned, want)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps the cached day apart from the next stamp's day, month and year", () => {
    for (const [y, mo, d] of [
      [2024, 1, 1],
      [2024, 1, 2],
      [2024, 2, 2],
      [2025, 2, 2],
      [2024, 1, 1],
    ]) {
      const text = `${y}-${pad(mo as number, 2)}-${pad(d as number, 2)}T01:02:03.004Z`;
      expect(fastStamp(bytes(text), 0, 24)).toBe(
        Date.UTC(y as number, (mo as number) - 1, d, 1, 2, 3, 4),
      );
    }
  });

  it("reads the common stamps and refuses zone-less ones", () => {
    const b = bytes("2024-02-29T23:59:59.999Z");
    expect(fastStamp(b, 0, 24)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(fastStamp(bytes("2023-02-29T00:00:00.000Z"), 0, 24)).toBeNaN();
    expect(zonedStampAt(bytes("2024-01-01T00:00:00"), 0, 19)).toBeNaN();
    expect(zonedStampAt(bytes("2024-01-01T05:30:00+05:30"), 0, 25)).toBe(Date.UTC(2024, 0, 1));
  });
});
