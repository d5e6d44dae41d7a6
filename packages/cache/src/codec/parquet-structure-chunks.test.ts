// The Parquet structure check of column chunks: metadata present and local, value counts against
// the rows (flat schemas only), sizes, and the chunk inside the file between the magic and the
// footer, starting at its dictionary page when it has one; each bound at its exact edge.
import { describe, expect, it } from "vitest";
import { checkParquetStructure } from "./parquet-structure";
import {
  dataPage,
  drop,
  element,
  GIB,
  oneColumn,
  page,
  pageHeader,
  parquetFile,
  refused,
  set,
  withField,
} from "./__fixtures__/parquet-bytes";

/** The first column chunk's metadata as the check read it. */
const chunkMeta = (bytes: Uint8Array) => {
  const [group] = checkParquetStructure(bytes).footer.get(4) as Array<Map<number, unknown>>;
  const [chunk] = group!.get(1) as Array<Map<number, Map<number, unknown>>>;
  return chunk!.get(3)!;
};

describe("checkParquetStructure: column chunk metadata", () => {
  it("refuses a chunk without metadata or with its data in another file", () => {
    refused(oneColumn({ meta: () => undefined }), "column chunk without metadata");
    refused(
      oneColumn({ extra: [[1, "binary", "other.parquet"]] }),
      "column chunks in other files are not supported",
    );
  });

  it("refuses a value count that is missing or differs from the rows of a flat schema", () => {
    refused(oneColumn({ meta: drop(5) }), "column chunk value count differs from its rows");
    // Missing is not taken as one value, even where one would fit the rows.
    refused(
      oneColumn({ bytes: dataPage(1), values: 1, meta: drop(5) }),
      "column chunk value count differs from its rows",
    );
    refused(
      oneColumn({ meta: set([5, "i64", 2]) }),
      "column chunk value count differs from its rows",
    );
  });

  it("lets a repeated column hold more values than rows, but not a negative count", () => {
    const schema = [element("root", 0, 1), element("tags", 2)];
    const repeated = (values: number) =>
      parquetFile({ schema, groups: [{ rows: 2, chunks: [{ bytes: dataPage(3), values }] }] });
    expect(chunkMeta(repeated(5)).get(5)).toBe(5);
    refused(repeated(-1), "column chunk value count differs from its rows");
  });

  it("bounds the uncompressed chunk size by 0 and 1 GiB", () => {
    expect(chunkMeta(oneColumn({ meta: set([6, "i64", GIB]) })).get(6)).toBe(GIB);
    expect(chunkMeta(oneColumn({ meta: set([6, "i64", 0]) })).get(6)).toBe(0);
    refused(oneColumn({ meta: set([6, "i64", GIB + 1]) }), "bad uncompressed chunk size");
    refused(oneColumn({ meta: drop(6) }), "bad uncompressed chunk size");
  });

  it("keeps the chunk between the leading magic and the footer", () => {
    refused(oneColumn({ meta: set([9, "i64", 3]) }), "column chunk outside the file");
    refused(oneColumn({ meta: drop(9) }), "column chunk outside the file");
    refused(oneColumn({ meta: drop(7) }), "column chunk outside the file");
    // The chunk ends where the footer starts; one byte more runs into it.
    const length = dataPage(3).length;
    expect(chunkMeta(oneColumn()).get(7)).toBe(length);
    refused(oneColumn({ meta: set([7, "i64", length + 1]) }), "column chunk outside the file");
  });

  it("accepts an empty chunk of an empty row group", () => {
    const file = parquetFile({ groups: [{ rows: 0, chunks: [{ bytes: [], values: 0 }] }] });
    expect(chunkMeta(file).get(7)).toBe(0);
  });

  it("checks each row group's chunks against that group's rows", () => {
    const groups = [
      { rows: 3, chunks: [{ bytes: dataPage(3), values: 3 }] },
      { rows: 1, chunks: [{ bytes: dataPage(1), values: 1 }] },
    ];
    expect(checkParquetStructure(parquetFile({ groups })).footer.get(3)).toBe(4);
    groups[1]!.chunks[0]!.values = 3;
    refused(parquetFile({ groups }), "column chunk value count differs from its rows");
  });
});

describe("checkParquetStructure: dictionary pages", () => {
  const dictionary = page(pageHeader(7, 7, 6), 6);
  const data = dataPage(3);
  /** A chunk of a dictionary page at `dict` (file offset) followed by the data page. */
  const withDictionary = (dict: number | undefined, bytes = [...dictionary, ...data]) =>
    oneColumn({
      bytes,
      meta: (fields) => {
        const withData = withField(fields, [9, "i64", 4 + dictionary.length]);
        return dict === undefined ? withData : withField(withData, [11, "i64", dict]);
      },
    });

  it("walks the chunk from its dictionary page, whose values are not the column's", () => {
    expect(chunkMeta(withDictionary(4)).get(11)).toBe(4);
  });

  it("starts at the data page when the dictionary offset is 0 or lies after it", () => {
    // Without a usable dictionary offset the chunk starts at the data page and its length
    // (both pages) runs into the footer.
    refused(withDictionary(0), "column chunk outside the file");
    refused(withDictionary(undefined), "column chunk outside the file");
    refused(withDictionary(5 + dictionary.length), "column chunk outside the file");
  });

  it("refuses a dictionary page with a negative value count", () => {
    refused(
      withDictionary(4, [...page(pageHeader(7, -1, 6), 6), ...data]),
      "negative value count in a page",
    );
  });
});
