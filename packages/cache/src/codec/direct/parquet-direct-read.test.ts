import { describe, expect, it } from "vitest";
import { one, page, read } from "./__fixtures__/direct-read";
import { handParquet, longs, present, type HandFile } from "./__fixtures__/hand-parquet";
import { originOf } from "./column-origin";
import { PHYSICAL } from "./direct-columns";
import { readParquetDirect } from "./parquet-direct-read";
import { snappyCompress } from "./snappy-compress";

describe("readParquetDirect: what it reads", () => {
  it("reads optional and required double columns, one page or several, one group or several", () => {
    expect(Array.from(read(one([1, 2.5, -3]))!.array("x") as Float64Array)).toEqual([1, 2.5, -3]);
    const required: HandFile = {
      leaves: [{ name: "x", type: PHYSICAL.DOUBLE, repetition: 0 }],
      groups: [{ rows: 2, chunks: [{ pages: [page([4, 5], false)] }] }],
    };
    expect(Array.from(read(required)!.array("x") as Float64Array)).toEqual([4, 5]);
    const pages: HandFile = {
      ...one([]),
      groups: [{ rows: 5, chunks: [{ pages: [page([1, 2]), page([3, 4, 5])] }] }],
    };
    expect(Array.from(read(pages)!.array("x") as Float64Array)).toEqual([1, 2, 3, 4, 5]);
    const groups: HandFile = {
      ...one([]),
      groups: [
        { rows: 2, chunks: [{ pages: [page([1, 2])] }] },
        { rows: 1, chunks: [{ pages: [page([3])] }] },
      ],
    };
    expect(Array.from(read(groups)!.array("x") as Float64Array)).toEqual([1, 2, 3]);
  });

  it("reads snappy pages", () => {
    const raw = page([7, 7, 7, 7, 8]);
    const file: HandFile = {
      ...one([]),
      groups: [
        {
          rows: 5,
          chunks: [
            {
              codec: 1,
              pages: [{ body: snappyCompress(raw.body), values: 5, size: raw.body.length }],
            },
          ],
        },
      ],
    };
    expect(Array.from(read(file)!.array("x") as Float64Array)).toEqual([7, 7, 7, 7, 8]);
  });

  it("uses aligned values of a one-page, one-group chunk in place and copies the rest", () => {
    // The header of a 3-value page is 17 bytes and its levels 6: 1 byte of padding aligns the values.
    const aligned = handParquet({ ...one([1, 2, 3]), pad: 1 });
    const inPlace = readParquetDirect(aligned.bytes, aligned.footer, new Set())!.column(
      "x",
    ) as unknown as Float64Array;
    expect(inPlace.buffer).toBe(aligned.bytes.buffer);
    expect(inPlace.byteOffset % 8).toBe(0);
    expect(Array.from(inPlace)).toEqual([1, 2, 3]);
    const shifted = handParquet({ ...one([1, 2, 3]), pad: 2 });
    const copied = readParquetDirect(shifted.bytes, shifted.footer, new Set())!.column(
      "x",
    ) as unknown as Float64Array;
    expect(copied.buffer).not.toBe(shifted.bytes.buffer);
    expect(Array.from(copied)).toEqual([1, 2, 3]);
    const pages: HandFile = {
      ...one([]),
      pad: 1,
      groups: [{ rows: 3, chunks: [{ pages: [page([1, 2]), page([3])] }] }],
    };
    const two = handParquet(pages);
    const joined = readParquetDirect(two.bytes, two.footer, new Set())!.column(
      "x",
    ) as unknown as Float64Array;
    expect(joined.buffer).not.toBe(two.bytes.buffer);
    expect(Array.from(joined)).toEqual([1, 2, 3]);
  });

  it("reads float and int32 as their typed arrays, int64 and UTC ms timestamps as remembered numbers", () => {
    const stamp = [
      10,
      "struct",
      [
        [
          8,
          "struct",
          [
            [1, "bool", true],
            [2, "struct", [[1, "struct", []]]],
          ],
        ],
      ],
    ] as const;
    const body = (bytes: number[]) => Uint8Array.from([...present(2), ...bytes]);
    const file: HandFile = {
      leaves: [
        { name: "f", type: PHYSICAL.FLOAT },
        { name: "i", type: PHYSICAL.INT32 },
        { name: "n", type: PHYSICAL.INT64 },
        { name: "t", type: PHYSICAL.INT64, extra: [stamp as never] },
      ],
      groups: [
        {
          rows: 2,
          chunks: [
            {
              pages: [
                {
                  body: body(Array.from(new Uint8Array(Float32Array.of(0.5, -1).buffer))),
                  values: 2,
                },
              ],
            },
            {
              pages: [
                { body: body(Array.from(new Uint8Array(Int32Array.of(-2, 3).buffer))), values: 2 },
              ],
            },
            { pages: [{ body: body(longs([-(2n ** 53n) + 1n, 2n ** 53n - 1n])), values: 2 }] },
            { pages: [{ body: body(longs([1_700_000_000_000n, -1n])), values: 2 }] },
          ],
        },
      ],
    };
    const table = read(file)!;
    expect(table.column("f")).toEqual(Float32Array.of(0.5, -1));
    expect(table.column("i")).toEqual(Int32Array.of(-2, 3));
    expect(table.column("n")).toEqual(Float64Array.of(-(2 ** 53) + 1, 2 ** 53 - 1));
    expect(table.column("t")).toEqual(Float64Array.of(1_700_000_000_000, -1));
    expect(["f", "i", "n", "t"].map((c) => originOf(table.column(c)))).toEqual([
      undefined,
      undefined,
      "int64",
      "timestamp-ms-utc",
    ]);
    expect(read(file, ["t"])).toBeUndefined();
  });
});
