import { describe, expect, it } from "vitest";
import { scanTimestampBytes } from "./byte-timestamp";
import { lastScan, scanTimestamp } from "../text/iso-timestamp";
import { latin1 } from "./__fixtures__/latin1";
import { STAMPS, variants } from "./__fixtures__/stamp-corpus";

// One scan from each side of `naive`: the value and the flag it leaves.
const outcome = (scan: () => number) =>
  [true, false].map((before) => {
    lastScan.naive = before;
    const ms = scan();
    return { ms, naive: lastScan.naive };
  });

// The byte scan of `line[start, end)` beside the text scan of the same characters.
const both = (line: string, start: number, end: number) => {
  const b = latin1(line);
  return {
    bytes: outcome(() => scanTimestampBytes(b, start, end)),
    text: outcome(() => scanTimestamp(line, start, end)),
  };
};

type Outcome = { ms: number; naive: boolean }[];
const same = (a: Outcome, b: Outcome) =>
  a.every((x, i) => Object.is(x.ms, b[i]?.ms) && x.naive === b[i]?.naive);

describe("scanTimestampBytes ≡ scanTimestamp", () => {
  it("agrees on every stamp of the corpus and on every cut of it inside a line", () => {
    const differ: string[] = [];
    for (const stamp of STAMPS) {
      const line = `a,${stamp},5.Z`;
      for (let end = 2; end <= line.length; end++) {
        const { bytes, text } = both(line, 2, end);
        if (!same(bytes, text)) differ.push(`${line.slice(2, end)}|`);
      }
    }
    expect(differ).toEqual([]);
  });

  it("agrees when any one character of a stamp is another digit or separator", () => {
    const differ = STAMPS.flatMap(variants).filter((v) => {
      const { bytes, text } = both(v, 0, v.length);
      return !same(bytes, text);
    });
    expect(differ).toEqual([]);
  });

  it("reads the common forms to the epoch ms and sets naive only when it reads a stamp", () => {
    const read = (s: string) => {
      lastScan.naive = true;
      const ms = scanTimestampBytes(latin1(`x${s}y`), 1, s.length + 1);
      return { ms, naive: lastScan.naive };
    };
    expect(read("2024-02-29T23:59:59.999Z")).toEqual({
      ms: Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      naive: false,
    });
    expect(read("2024-01-01 10:00:00,5+05:30")).toEqual({
      ms: Date.UTC(2024, 0, 1, 4, 30, 0, 500),
      naive: false,
    });
    expect(read("2024-01-01T10:00-0100")).toEqual({ ms: Date.UTC(2024, 0, 1, 11), naive: false });
    expect(read("1969-12-31")).toEqual({ ms: -86_400_000, naive: true });
    lastScan.naive = false;
    expect(scanTimestampBytes(latin1("2023-02-29"), 0, 10)).toBeNaN();
    expect(lastScan.naive).toBe(false);
  });
});
