import { describe, expect, it } from "vitest";
import { WaitingLine } from "./waiting-line";

// The storage bound of a WaitingLine: entries left behind are dropped once none is live, or in
// one copy once they exceed 1,024 and outnumber the live ones, never earlier (each copy is O(n)).
type Entry = { id: number; left: boolean };

const lineOf = (count: number) => {
  const line = new WaitingLine<Entry>();
  const entries = Array.from({ length: count }, (_, id) => ({ id, left: false }));
  entries.forEach((e) => line.push(e));
  const stored = () => (line as unknown as { items: unknown[] }).items.length;
  return { line, entries, stored };
};

const shiftTimes = (line: WaitingLine<Entry>, times: number): number | undefined => {
  let last: number | undefined;
  for (let i = 0; i < times; i += 1) last = line.shift()?.id;
  return last;
};

describe("WaitingLine compaction", () => {
  it("keeps a few stale entries while some are live, drops all once none is", () => {
    const { line, stored } = lineOf(3);
    expect(shiftTimes(line, 2)).toBe(1);
    expect(stored()).toBe(3);
    expect(line.shift()?.id).toBe(2);
    expect(stored()).toBe(0);
    expect(line.shift()).toBeUndefined();
    expect(line.size).toBe(0);
  });

  it("drops everything once the last live entry is removed", () => {
    const { line, entries, stored } = lineOf(3);
    entries.forEach((e) => line.remove(e));
    expect(stored()).toBe(0);
    expect(line.size).toBe(0);
  });

  it("copies only when more than 1,024 stale entries outnumber the live ones", () => {
    const { line, stored } = lineOf(2_000);
    expect(shiftTimes(line, 1_024)).toBe(1_023);
    expect(stored()).toBe(2_000);
    expect(line.shift()?.id).toBe(1_024);
    expect(stored()).toBe(975);
    expect(line.size).toBe(975);
    expect(line.shift()?.id).toBe(1_025);
  });

  it("keeps more than 1,024 stale entries while they do not outnumber the live ones", () => {
    const { line, stored } = lineOf(3_000);
    expect(shiftTimes(line, 1_025)).toBe(1_024);
    expect(stored()).toBe(3_000);
    expect(shiftTimes(line, 475)).toBe(1_499);
    expect(stored()).toBe(3_000);
    expect(line.shift()?.id).toBe(1_500);
    expect(stored()).toBe(1_499);
  });

  it("compacts on removals from the middle as on shifts", () => {
    const { line, entries, stored } = lineOf(2_000);
    entries.slice(500, 1_525).forEach((e) => line.remove(e));
    expect(stored()).toBe(975);
    expect(shiftTimes(line, 500)).toBe(499);
    expect(line.shift()?.id).toBe(1_525);
  });
});
