// The Parquet structure check of the pages inside a column chunk: each header parses inside the
// chunk, each page's body ends inside it, sizes and value counts are sane, a v2 page's level
// lengths fit its body, and the data pages hold the chunk's value count (flat schemas only).
import { describe, expect, it } from "vitest";
import { checkParquetStructure } from "./parquet-structure";
import {
  dataPage,
  element,
  GIB,
  oneColumn,
  page,
  pageHeader,
  parquetFile,
  refused,
  withField,
  without,
} from "./__fixtures__/parquet-bytes";
import type { ThriftField } from "./direct/thrift-writer";

/** A file of one column of `values` values (rows) whose chunk is `pages`. */
const chunkOf = (pages: number[][], values = 3) => oneColumn({ bytes: pages.flat(), values });
/** Expects the structure check to pass `bytes`. */
const accepted = (bytes: Uint8Array) => expect(() => checkParquetStructure(bytes)).not.toThrow();
/** A data page v2 header of 3 values whose level lengths are `def` and `rep`, over a 4-byte body. */
const v2 = (def: number, rep: number) =>
  page(
    [
      ...pageHeader(8, 3, 4).slice(0, 3),
      [
        8,
        "struct",
        [
          [1, "i32", 3],
          [5, "i32", def],
          [6, "i32", rep],
        ],
      ],
    ],
    4,
  );

describe("checkParquetStructure: page bounds", () => {
  it("accepts a page that ends the chunk and refuses one a byte longer", () => {
    accepted(chunkOf([dataPage(3, 4)]));
    const long = withField(pageHeader(5, 3, 4), [3, "i32", 5]);
    refused(chunkOf([page(long, 4)]), "page runs past its column chunk");
  });

  it("refuses a page without a compressed size", () => {
    refused(chunkOf([page(without(pageHeader(5, 3, 4), 3), 4)]), "page runs past its column chunk");
    refused(
      chunkOf([page(withField(pageHeader(5, 3, 0), [3, "i32", -1]), 0)]),
      "page runs past its column chunk",
    );
  });

  it("reads a header only up to the chunk's end", () => {
    const header = page(pageHeader(5, 3, 0), 0);
    const cut = oneColumn({
      bytes: [...dataPage(3), ...header],
      meta: (f) => withField(f, [7, "i64", dataPage(3).length + header.length - 1]),
    });
    refused(cut, "thrift data ends early");
  });

  it("bounds the uncompressed page size by 0 and 1 GiB", () => {
    const sized = (size: number | undefined) => {
      const header = pageHeader(5, 3, 4);
      return chunkOf([
        page(size === undefined ? without(header, 2) : withField(header, [2, "i32", size]), 4),
      ]);
    };
    accepted(sized(GIB));
    accepted(sized(0));
    refused(sized(GIB + 1), "bad uncompressed page size");
    refused(sized(-1), "bad uncompressed page size");
    refused(sized(undefined), "bad uncompressed page size");
  });
});

describe("checkParquetStructure: page value counts", () => {
  it("adds up the values of every data page, empty pages and index pages included", () => {
    const index = page(pageHeader(5, 0, 2).slice(0, 3), 2);
    accepted(chunkOf([dataPage(2), dataPage(0, 0), index, dataPage(1)]));
    refused(chunkOf([dataPage(2), dataPage(2)]), "pages hold 4 values, the column chunk says 3");
    refused(chunkOf([dataPage(2)]), "pages hold 2 values, the column chunk says 3");
  });

  it("refuses a negative value count, and counts a missing one as none", () => {
    refused(chunkOf([dataPage(4), dataPage(-1)]), "negative value count in a page");
    const uncounted = page(withField(pageHeader(5, 0, 4), [5, "struct", []]), 4);
    refused(chunkOf([uncounted]), "pages hold 0 values, the column chunk says 3");
  });

  it("lets the pages of a repeated column hold any count", () => {
    const schema = [element("root", 0, 1), element("tags", 2)];
    const file = parquetFile({
      schema,
      groups: [{ rows: 3, chunks: [{ bytes: dataPage(5), values: 3 }] }],
    });
    accepted(file);
  });
});

describe("checkParquetStructure: data pages v2", () => {
  it("counts the values of a v2 page", () => {
    accepted(chunkOf([v2(0, 0)]));
    refused(chunkOf([v2(0, 0)], 4), "pages hold 3 values, the column chunk says 4");
  });

  it("accepts level lengths that fill the page and refuses longer or negative ones", () => {
    accepted(chunkOf([v2(2, 2)]));
    accepted(chunkOf([v2(4, 0)]));
    refused(chunkOf([v2(3, 2)]), "page levels longer than the page");
    refused(chunkOf([v2(2, 3)]), "page levels longer than the page");
    refused(chunkOf([v2(-1, 0)]), "page levels longer than the page");
    refused(chunkOf([v2(0, 5)]), "page levels longer than the page");
  });

  it("does not read level lengths from a v1 page header", () => {
    const v1: ThriftField[] = withField(pageHeader(5, 3, 4), [
      5,
      "struct",
      [
        [1, "i32", 3],
        [5, "i32", 9],
        [6, "i32", 9],
      ],
    ]);
    accepted(chunkOf([page(v1, 4)]));
  });
});
