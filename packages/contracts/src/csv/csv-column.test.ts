import { describe, expect, it } from "vitest";
import { CsvColumnBuilder, resized } from "./csv-column";

/** A builder holding `cells`, each pushed as text. */
const column = (cells: string[]) => {
  const b = new CsvColumnBuilder();
  for (const cell of cells) b.push(`,${cell},`, 1, cell.length + 1);
  return b;
};

/** A builder holding `n` parsed values 0, 1, …, n - 1. */
const counted = (n: number) => {
  const b = new CsvColumnBuilder();
  for (let i = 0; i < n; i++) b.pushValue(i);
  return b;
};

/** The finished column of a builder that kept no text. */
const numbers = (b: CsvColumnBuilder): Float64Array => {
  const values = b.finish();
  if (!(values instanceof Float64Array)) throw new Error("expected a Float64Array column");
  return values;
};

const range = (n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => from + i);

describe("resized", () => {
  it("copies into a buffer of the new capacity, cut or padded", () => {
    expect(resized(Float64Array.of(1, 2, 3), 2)).toEqual(Float64Array.of(1, 2));
    expect(resized(Uint8Array.of(1, 2), 4)).toEqual(Uint8Array.of(1, 2, 0, 0));
  });
});

describe("CsvColumnBuilder", () => {
  it("reads only the cell's slice of the text, numbers and kept text alike", () => {
    const b = new CsvColumnBuilder();
    b.push("9,1.5,9", 2, 5);
    b.push("9,abc,9", 2, 5);
    b.push("9,1e3,9", 2, 5);
    expect(b.length).toBe(3);
    expect(b.finish()).toEqual([1.5, "abc", 1000]);
  });

  it("gives a Float64Array when every cell is a number, an empty cell as NaN", () => {
    expect(column(["1", "", "-2.5"]).finish()).toEqual(Float64Array.of(1, Number.NaN, -2.5));
  });

  it("keeps every value while growing past its first capacity", () => {
    expect(counted(3000).finish()).toEqual(range(3000));
    const cells = Array.from({ length: 2050 }, (_, i) => (i === 2049 ? "x" : String(i)));
    expect(column(cells).finish()).toEqual([...range(2049), "x"]);
  });

  it("returns a right-sized copy below seven eighths of its capacity, else a view", () => {
    // The first capacity is 1024 rows: 896 of them is exactly seven eighths.
    expect(numbers(counted(895)).buffer.byteLength).toBe(895 * 8);
    expect(numbers(counted(896)).buffer.byteLength).toBe(1024 * 8);
    expect(numbers(counted(1024)).buffer.byteLength).toBe(1024 * 8);
    expect(numbers(counted(1025)).buffer.byteLength).toBe(1025 * 8);
  });

  it("reserves room once, and never drops rows for a smaller reservation", () => {
    const b = counted(20);
    b.reserve(10);
    b.reserve(2000);
    for (let i = 20; i < 1800; i++) b.pushValue(i);
    const values = numbers(b);
    expect(values).toEqual(range(1800));
    expect(values.buffer.byteLength).toBe(2000 * 8);
  });

  it("hands over its rows as a chunk and starts again empty", () => {
    const b = column(["1", "n/a", "3"]);
    const chunk = b.takeChunk();
    expect(chunk).toEqual({ values: Float64Array.of(1, Number.NaN, 3), kept: [[1, "n/a"]] });
    expect(b.length).toBe(0);
    expect(counted(2).takeChunk().kept).toBeUndefined();
    b.push("4", 0, 1);
    b.pushValue(5);
    expect(b.finish()).toEqual(Float64Array.of(4, 5));
  });

  it("appends a chunk after its rows, kept cells moved by its length", () => {
    const b = column(["1", "bad"]);
    b.appendChunk(column(["3", "odd", "5"]).takeChunk());
    b.appendChunk(counted(2).takeChunk());
    expect(b.length).toBe(7);
    expect(b.finish()).toEqual([1, "bad", 3, "odd", 5, 0, 1]);
  });

  it("grows by at least a quarter when chunks overflow it", () => {
    const b = counted(1000);
    b.appendChunk(counted(100).takeChunk()); // 1100 rows: room for 1280
    b.appendChunk(counted(100).takeChunk()); // 1200 rows fit
    const values = numbers(b);
    expect(values).toEqual(Float64Array.from([...range(1000), ...range(100), ...range(100)]));
    expect(values.buffer.byteLength).toBe(1280 * 8);
    const full = counted(1000);
    full.appendChunk(counted(24).takeChunk()); // exactly full: no room made yet
    for (let i = 1024; i < 1200; i++) full.pushValue(i);
    expect(numbers(full).buffer.byteLength).toBe(1200 * 8); // grown to 2048, then cut
    const big = counted(10);
    big.appendChunk(counted(5000).takeChunk());
    expect(big.finish()).toEqual(Float64Array.from([...range(10), ...range(5000)]));
  });
});
