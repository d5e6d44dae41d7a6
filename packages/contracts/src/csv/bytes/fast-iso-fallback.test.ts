import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as ByteTimestamp from "./byte-timestamp";
import { scanTimestampBytes } from "./byte-timestamp";
import { zonedStampAt } from "./fast-iso";
import { lastScan } from "../text/iso-timestamp";
import { latin1 } from "./__fixtures__/latin1";

// scanTimestampBytes, watched: zonedStampAt calls it only when fastStamp gives NaN.
vi.mock("./byte-timestamp", async (importOriginal) => {
  const real = await importOriginal<typeof ByteTimestamp>();
  return { ...real, scanTimestampBytes: vi.fn(real.scanTimestampBytes) };
});
const slow = vi.mocked(scanTimestampBytes);

const zoned = (line: string, start: number, stop: number) =>
  zonedStampAt(latin1(line), start, stop);

describe("zonedStampAt", () => {
  beforeEach(() => {
    slow.mockClear();
  });

  it("reads the fast shape without the full scanner", () => {
    expect(zoned(",2024-01-02T03:04:05.006Z,", 1, 25)).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
    expect(zoned("2024-01-02 03:04:05z", 0, 20)).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(slow).not.toHaveBeenCalled();
  });

  it("hands any other stamp to scanTimestampBytes and refuses the zone-less ones", () => {
    expect(zoned(";2024-01-01T05:30:00+05:30;", 1, 26)).toBe(Date.UTC(2024, 0, 1));
    expect(slow.mock.calls.map((c) => c.slice(1))).toEqual([[1, 26]]);
    expect(zoned("2024-01-01T00:00Z", 0, 17)).toBe(Date.UTC(2024, 0, 1));
    lastScan.naive = false;
    expect(zoned("2024-01-01T00:00:00", 0, 19)).toBeNaN();
    expect(zoned("2024-01-01", 0, 10)).toBeNaN();
    expect(zoned("2024-02-30T00:00:00Z", 0, 20)).toBeNaN();
    expect(slow).toHaveBeenCalledTimes(5);
  });
});
