import { describe, expect, it } from "vitest";
import { CsvColumnBuilder } from "./csv-column";
import { resolveCsvOptions } from "./csv-options";
import { TimestampColumnBuilder } from "./timestamp-builder";

// The parallel reader's path: each worker's builder hands its rows over as a chunk, and the
// main builder appends the chunks in byte order. The result must be the one builder's.

const T0 = Date.UTC(2024, 0, 1);
const feed = (builder: TimestampColumnBuilder, cells: (string | number)[]) => {
  for (const cell of cells) {
    if (typeof cell === "number") builder.pushValue(cell);
    else builder.push(`,${cell},`, 1, cell.length + 1);
  }
  return builder;
};
const fresh = () => new TimestampColumnBuilder(resolveCsvOptions({}));

describe("TimestampColumnBuilder chunks", () => {
  it("gives the one-builder column when ranges are built apart and appended in order", () => {
    const ranges: (string | number)[][] = [
      ["2024-01-01T00:00Z", 1_704_067_260, "soon"],
      ["", 1_704_067_320, "2024-01-01T00:03Z", "  later "],
      [1_704_067_440],
    ];
    const merged = fresh();
    for (const range of ranges) merged.appendChunk(feed(fresh(), range).takeChunk());
    const single = feed(fresh(), ranges.flat());
    expect(merged.length).toBe(8);
    const column = merged.finish();
    expect(column).toEqual(single.finish());
    expect(column).toEqual([
      T0,
      T0 + 60_000,
      "soon",
      null,
      T0 + 120_000,
      T0 + 180_000,
      "  later ",
      T0 + 240_000,
    ]);
    expect([merged.unit, single.unit]).toEqual(["s", "s"]);
  });

  it("a chunk without epoch numbers or kept cells carries none, and converts nothing", () => {
    const chunk = feed(fresh(), ["2024-01-01T00:00Z", "2024-01-01T00:01Z"]).takeChunk();
    expect(chunk).toEqual({
      values: Float64Array.of(T0, T0 + 60_000),
      kept: undefined,
      epoch: undefined,
    });
    const merged = fresh();
    merged.appendChunk(chunk);
    expect(merged.finish()).toEqual(Float64Array.of(T0, T0 + 60_000));
    expect(merged.unit).toBeUndefined();
  });

  it("empties the builder it takes from, and keeps each chunk's kept cells apart", () => {
    const builder = feed(fresh(), ["x", 1_704_067_200]);
    const first = builder.takeChunk();
    expect([builder.length, first.kept, Array.from(first.epoch ?? [])]).toEqual([
      0,
      [[0, "x"]],
      [0, 1],
    ]);
    feed(builder, ["2024-01-01T00:00Z"]);
    const second = builder.takeChunk();
    expect([second.kept, second.epoch, Array.from(second.values)]).toEqual([
      undefined,
      undefined,
      [T0],
    ]);
  });

  it("appends chunks far beyond its capacity, in order", () => {
    const big = (from: number) =>
      feed(
        fresh(),
        Array.from({ length: 3_000 }, (_, i) => 1_704_067_200 + (from + i) * 60),
      ).takeChunk();
    const merged = fresh();
    merged.appendChunk(big(0));
    merged.appendChunk(big(3_000));
    merged.reserve(10);
    const column = merged.finish() as Float64Array;
    expect(column).toHaveLength(6_000);
    expect([column[0], column[2_999], column[3_000], column[5_999]]).toEqual([
      T0,
      T0 + 2_999 * 60_000,
      T0 + 3_000 * 60_000,
      T0 + 5_999 * 60_000,
    ]);
  });
});

describe("CsvColumnBuilder chunks", () => {
  it("keeps collecting after handing its rows over", () => {
    const builder = new CsvColumnBuilder();
    builder.pushValue(1.5);
    builder.push(",2.5,", 1, 4);
    expect(Array.from(builder.takeChunk().values)).toEqual([1.5, 2.5]);
    builder.pushValue(3.5);
    builder.push(",x,", 1, 2);
    expect(builder.finish()).toEqual([3.5, "x"]);
  });
});
