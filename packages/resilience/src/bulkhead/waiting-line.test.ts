import { describe, expect, it } from "vitest";
import { WaitingLine } from "./waiting-line";

const entry = (id: number) => ({ id, left: false });

describe("WaitingLine", () => {
  it("hands entries out first in, first out, skipping removed ones", () => {
    const line = new WaitingLine<ReturnType<typeof entry>>();
    const entries = [1, 2, 3, 4].map(entry);
    entries.forEach((e) => line.push(e));
    line.remove(entries[1]!);
    line.remove(entries[1]!);
    expect(line.size).toBe(3);
    expect([line.shift()?.id, line.shift()?.id, line.shift()?.id, line.shift()]).toEqual([
      1,
      3,
      4,
      undefined,
    ]);
    expect(line.size).toBe(0);
  });

  it("keeps the order and the count through compactions of many removals", () => {
    const line = new WaitingLine<ReturnType<typeof entry>>();
    const entries = Array.from({ length: 10_000 }, (_, i) => entry(i));
    entries.forEach((e) => line.push(e));
    entries.filter((e) => e.id % 3 !== 0).forEach((e) => line.remove(e));
    expect(line.size).toBe(3_334);
    const out: number[] = [];
    for (let e = line.shift(); e !== undefined; e = line.shift()) {
      out.push(e.id);
      if (e.id === 3_000) line.push(entry(-1));
    }
    expect(out).toEqual([...entries.filter((e) => e.id % 3 === 0).map((e) => e.id), -1]);
    expect(line.size).toBe(0);
  });

  it("an entry taken from the front cannot be removed again", () => {
    const line = new WaitingLine<ReturnType<typeof entry>>();
    const [a, b] = [entry(1), entry(2)];
    line.push(a);
    line.push(b);
    expect(line.shift()).toBe(a);
    line.remove(a);
    expect(line.size).toBe(1);
    expect(line.shift()).toBe(b);
  });
});
