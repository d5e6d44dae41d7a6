import { describe, expect, it } from "vitest";
import { fails, one, page, read } from "./__fixtures__/direct-read";
import { doubles, handParquet, longs, present, type HandFile } from "./__fixtures__/hand-parquet";
import { PHYSICAL } from "./direct-columns";
import { readParquetDirect } from "./parquet-direct-read";

describe("readParquetDirect: what it leaves to the general reader", () => {
  it("leaves other codecs, dictionaries, other pages and encodings, and nulls", () => {
    expect(read(one([1, 2], { codec: 6 }))).toBeUndefined();
    expect(read(one([1, 2], { dictionary: true }))).toBeUndefined();
    const odd = (p: object): HandFile => ({
      ...one([]),
      groups: [{ rows: 2, chunks: [{ pages: [{ ...page([1, 2]), ...p }] }] }],
    });
    expect(read(odd({ type: 2 }))).toBeUndefined();
    expect(read(odd({ encoding: 8 }))).toBeUndefined();
    expect(read(odd({ noDataHeader: true }))).toBeUndefined();
    const nulls = Uint8Array.from([2, 0, 0, 0, 4, 0, ...doubles([1, 2])]);
    expect(
      read({
        ...one([]),
        groups: [{ rows: 2, chunks: [{ pages: [{ body: nulls, values: 2 }] }] }],
      }),
    ).toBeUndefined();
    const late: HandFile = {
      ...one([]),
      groups: [{ rows: 4, chunks: [{ pages: [page([1, 2]), { ...page([3, 4]), encoding: 8 }] }] }],
    };
    expect(read(late)).toBeUndefined();
  });

  it("leaves nested or empty schemas, other leaf types and repeated names", () => {
    expect(read({ ...one([1]), children: 2 })).toBeUndefined();
    expect(read({ leaves: [], groups: [{ rows: 0, chunks: [] }] })).toBeUndefined();
    expect(read({ ...one([1]), leaves: [{ name: "x", type: 6 }] })).toBeUndefined();
    const twice: HandFile = {
      leaves: [
        { name: "x", type: PHYSICAL.DOUBLE },
        { name: "x", type: PHYSICAL.DOUBLE },
      ],
      groups: [{ rows: 1, chunks: [{ pages: [page([1])] }, { pages: [page([2])] }] }],
    };
    expect(read(twice)).toBeUndefined();
    const { bytes } = handParquet(one([1]));
    expect(readParquetDirect(bytes, new Map(), new Set())).toBeUndefined();
  });
});

describe("readParquetDirect: damage", () => {
  it("refuses a page whose size is not its header's, or whose values do not fill it", () => {
    fails(
      { ...one([]), groups: [{ rows: 2, chunks: [{ pages: [{ ...page([1, 2]), size: 21 }] }] }] },
      "page size differs from its header",
    );
    const short = { body: page([1, 2]).body.subarray(0, 21), values: 2 };
    fails({ ...one([]), groups: [{ rows: 2, chunks: [{ pages: [short] }] }] }, "bad page length");
    fails(
      { ...one([]), groups: [{ rows: 2, chunks: [{ pages: [page([1]), page([2, 3])] }] }] },
      "bad page length",
    );
  });

  it("refuses an int64 value beyond 2^53 - 1, naming its row", () => {
    const body = Uint8Array.from([...present(3), ...longs([0n, 1n, 2n ** 53n])]);
    const file: HandFile = {
      leaves: [{ name: "n", type: PHYSICAL.INT64 }],
      groups: [{ rows: 3, chunks: [{ pages: [{ body, values: 3 }] }] }],
    };
    fails(file, "int64 value at row 2 does not fit a number");
    const low = Uint8Array.from([...present(1), ...longs([-(2n ** 53n)])]);
    fails(
      { ...file, groups: [{ rows: 1, chunks: [{ pages: [{ body: low, values: 1 }] }] }] },
      "int64 value at row 0",
    );
  });
});
