import { describe, expect, it } from "vitest";
import { LineIndex } from "./line-index";

/** An index of `[row, line]` pairs, added in order. */
const indexOf = (pairs: [number, number][]) => {
  const index = new LineIndex();
  for (const [row, line] of pairs) index.add(row, line);
  return index;
};

const linesOf = (index: LineIndex, rows: number) =>
  Array.from({ length: rows }, (_, row) => index.lineOf(row));

describe("LineIndex", () => {
  it("maps rows one to one without entries: row r is line r + 1", () => {
    expect(linesOf(new LineIndex(), 3)).toEqual([1, 2, 3]);
    expect(new LineIndex().entries()).toEqual({ rows: [], offsets: [] });
  });

  it("shifts every row by the one jump of a header", () => {
    const index = indexOf([
      [0, 2],
      [1, 3],
    ]);
    expect(index.entries()).toEqual({ rows: [0], offsets: [2] });
    expect(linesOf(index, 3)).toEqual([2, 3, 4]);
  });

  it("keeps one entry per jump, not per row", () => {
    const index = indexOf([
      [0, 2],
      [1, 3],
      [2, 5],
      [3, 6],
      [4, 10],
    ]);
    expect(index.entries()).toEqual({ rows: [0, 2, 4], offsets: [2, 3, 6] });
  });

  it("finds the line of every row across many jumps, and extrapolates past the end", () => {
    // Row r sits on line 3r + 1 (two blank lines after each row): one jump per row.
    const pairs = Array.from({ length: 9 }, (_, r): [number, number] => [r, 3 * r + 1]);
    const index = indexOf(pairs);
    expect(linesOf(index, 9)).toEqual(pairs.map(([, line]) => line));
    expect(index.lineOf(9)).toBe(9 + 17);
    expect(index.lineOf(20)).toBe(20 + 17);
  });

  it("finds the line just before and at each jump", () => {
    const index = indexOf([
      [0, 2],
      [5, 9],
      [6, 12],
    ]);
    expect(linesOf(index, 8)).toEqual([2, 3, 4, 5, 6, 9, 12, 13]);
  });

  it("appends another index shifted by rows and lines, merging an equal offset", () => {
    const index = indexOf([[0, 2]]);
    const other = indexOf([
      [0, 1],
      [3, 6],
    ]);
    index.append(other.entries(), 10, 11);
    // Row 10 is line 1 + 11 = 12: offset 2, already the last one, so no new entry.
    expect(index.entries()).toEqual({ rows: [0, 13], offsets: [2, 4] });
    expect(linesOf(index, 15)).toEqual([
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
      ...[17, 18],
    ]);
  });

  it("appends a shifted index that opens a jump at its first row", () => {
    const index = indexOf([[0, 2]]);
    index.append(indexOf([[0, 3]]).entries(), 4, 5);
    expect(index.entries()).toEqual({ rows: [0, 4], offsets: [2, 4] });
    expect(linesOf(index, 6)).toEqual([2, 3, 4, 5, 8, 9]);
  });
});
