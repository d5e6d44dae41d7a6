import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { splitRanges } from "./split-ranges";

const dir = mkdtempSync(join(tmpdir(), "peak-csv-split-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** `splitRanges` over the whole of `text` written to a file. */
const split = (text: string, bytes: number, from = 0) => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text, "latin1");
  const fd = openSync(path, "r");
  try {
    return splitRanges(fd, from, text.length, bytes);
  } finally {
    closeSync(fd);
  }
};

// Ten lines of ten bytes: line breaks at 9, 19, …, 99, so cuts can only fall on multiples of 10.
const TEN = "abcdefghi\n".repeat(10);

describe("splitRanges", () => {
  it("cuts just after the first line break at or after each step", () => {
    expect(split(TEN, 25)).toEqual([0, 30, 60, 90, 100]);
    expect(split(TEN, 41)).toEqual([0, 50, 100]);
  });

  it("cuts exactly at a step that follows a line break", () => {
    expect(split(TEN, 30)).toEqual([0, 30, 60, 90, 100]);
    expect(split(TEN, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it("steps from `from`, and gives one range when the step passes the end", () => {
    expect(split(TEN, 25, 10)).toEqual([10, 40, 70, 100]);
    expect(split(TEN, 100)).toEqual([0, 100]);
    expect(split(TEN, 500, 20)).toEqual([20, 100]);
    expect(split("abc\ndef", 7)).toEqual([0, 7]); // a step landing on the end reads nothing
  });

  it("ends at the size once a cut would fall on the last line break", () => {
    expect(split(TEN, 95)).toEqual([0, 100]);
    expect(split(TEN, 85)).toEqual([0, 90, 100]);
  });

  it("gives up on a line longer than 64 KiB near a cut", () => {
    const long = `head\n${"x".repeat(70_000)}\ntail\n`;
    expect(split(long, 10)).toBeUndefined();
    expect(split(`${"x".repeat(65_535)}\nshort\n`, 1)).toEqual([0, 65_536, 65_542]);
  });

  it("gives up on an unfinished last line, whatever an earlier read left in its window", () => {
    // The first read fills the window with line breaks; the last one reads only the tail.
    expect(split(`${TEN}yyyy`, 3)).toBeUndefined();
    expect(split(`${TEN}${"y".repeat(40)}`, 105)).toBeUndefined();
  });
});
