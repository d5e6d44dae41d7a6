import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as IsoTimestamp from "../text/iso-timestamp";
import { daysFromCivil, daysInMonth } from "../text/iso-timestamp";
import { latin1 } from "./__fixtures__/latin1";
import { fastStamp } from "./fast-iso";

// The calendar helpers, watched: fastStamp reuses the last day and asks for a month's length
// only past the 28th.
vi.mock("../text/iso-timestamp", async (importOriginal) => {
  const real = await importOriginal<typeof IsoTimestamp>();
  return {
    ...real,
    daysFromCivil: vi.fn(real.daysFromCivil),
    daysInMonth: vi.fn(real.daysInMonth),
  };
});
const civil = vi.mocked(daysFromCivil);
const monthLength = vi.mocked(daysInMonth);

const stamp = (text: string) => fastStamp(latin1(text), 0, text.length);

describe("fastStamp, the cached day", () => {
  beforeEach(() => {
    civil.mockClear();
    monthLength.mockClear();
  });

  it("computes a day once for the stamps that follow on it", () => {
    const day = ["2024-03-05T00:00:00Z", "2024-03-05T13:14:15.016Z", "2024-03-05 23:59:59Z"];
    expect(day.map(stamp)).toEqual(day.map((s) => Date.parse(s.replace(" ", "T"))));
    expect(civil.mock.calls).toEqual([[2024, 3, 5]]);
    expect(stamp("2024-03-06T00:00:00Z")).toBe(Date.UTC(2024, 2, 6));
    expect(civil.mock.calls).toEqual([
      [2024, 3, 5],
      [2024, 3, 6],
    ]);
  });

  it("asks for the length of the month only for days past the 28th", () => {
    for (const d of ["01", "27", "28"]) stamp(`2023-02-${d}T00:00:00Z`);
    expect(monthLength).not.toHaveBeenCalled();
    expect(stamp("2023-02-29T00:00:00Z")).toBeNaN();
    expect(stamp("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(monthLength.mock.calls).toEqual([
      [2023, 2],
      [2024, 2],
    ]);
  });
});
