// The Parquet structure check on whole files made by hand: both magics, the footer length, the
// row count against the file size, the schema's leaves against each row group, the row groups'
// sum, and the footer's key/value metadata; each bound at its exact edge.
import { describe, expect, it } from "vitest";
import { thriftStruct, type ThriftField } from "./direct/thrift-writer";
import { checkParquetStructure } from "./parquet-structure";
import {
  dataPage,
  element,
  MAGIC,
  oneColumn,
  parquetFile,
  refused,
  withField,
  wrap,
} from "./__fixtures__/parquet-bytes";
import { ascii } from "./__fixtures__/thrift-bytes";

const PAR1 = "PAR1";
/** A file of `rows` rows in one row group and no columns, padded to `size` bytes when given. */
const noColumns = (rows: number, size?: number) => {
  const spec = { schema: [], rows, groups: [{ rows, chunks: [] }] };
  const unpadded = parquetFile(spec);
  return size === undefined ? unpadded : parquetFile({ ...spec, pad: size - unpadded.length });
};

describe("checkParquetStructure: magic and footer length", () => {
  it("refuses files shorter than 12 bytes or without both magics", () => {
    refused(Uint8Array.from(ascii(PAR1)), "not a Parquet file (magic)");
    refused(Uint8Array.from(ascii(`${PAR1}${PAR1}`)), "not a Parquet file (magic)");
    refused(Uint8Array.from([...MAGIC, 0, 0, 0, ...MAGIC]), "not a Parquet file (magic)");
    // Twelve bytes pass the magic and fail on the empty footer.
    refused(Uint8Array.from([...MAGIC, 0, 0, 0, 0, ...MAGIC]), "thrift data ends early");
    const good = oneColumn();
    for (const at of [0, 1, 2, 3, -4, -3, -2, -1]) {
      const bad = good.slice();
      bad[(at + bad.length) % bad.length] = 0x51;
      refused(bad, "not a Parquet file (magic)");
    }
  });

  it("accepts a footer that starts right after the magic and refuses one a byte longer", () => {
    const footer = thriftStruct([[3, "i64", 0]]);
    expect(checkParquetStructure(wrap([], footer)).footer).toEqual(new Map([[3, 0]]));
    const long = wrap([], footer);
    new DataView(long.buffer).setUint32(long.length - 8, footer.length + 1, true);
    refused(long, `footer length ${footer.length + 1} out of range`);
    new DataView(long.buffer).setUint32(long.length - 8, 0xffffffff, true);
    refused(long, "footer length 4294967295 out of range");
  });

  it("reads a file that starts partway into its buffer", () => {
    const file = oneColumn();
    const inside = new Uint8Array(file.length + 3);
    inside.set(file, 3);
    expect(checkParquetStructure(inside.subarray(3)).footer.get(3)).toBe(3);
  });
});

describe("checkParquetStructure: row counts", () => {
  it("refuses a missing or negative row count, and accepts zero rows", () => {
    refused(wrap([], thriftStruct([[1, "i32", 1]])), "row count -1 out of range");
    refused(noColumns(-2), "row count -2 out of range");
    expect(checkParquetStructure(noColumns(0)).footer.get(3)).toBe(0);
  });

  it("allows 2^16 rows in any file and 128 rows per byte beyond that", () => {
    expect(noColumns(65_536).length).toBeLessThan(512);
    expect(checkParquetStructure(noColumns(65_536)).footer.get(3)).toBe(65_536);
    refused(noColumns(65_537), "row count 65537 out of range");
    expect(checkParquetStructure(noColumns(131_072, 1024)).footer.get(3)).toBe(131_072);
    refused(noColumns(131_073, 1024), "row count 131073 out of range");
  });

  it("requires the row groups to add up to the footer's count", () => {
    const groups = [
      { rows: 3, chunks: [{ bytes: dataPage(3), values: 3 }] },
      { rows: 2, chunks: [{ bytes: dataPage(2), values: 2 }] },
    ];
    expect(checkParquetStructure(parquetFile({ groups })).footer.get(3)).toBe(5);
    refused(parquetFile({ groups, rows: 4 }), "row groups hold 5 rows, the footer says 4");
    refused(parquetFile({ groups: [], rows: 1 }), "row groups hold 0 rows, the footer says 1");
  });

  it("refuses a row group that is not a struct or has no row count, and accepts one of none", () => {
    const groups = (field: ThriftField) => (f: ThriftField[]) => withField(f, field);
    refused(parquetFile({ groups: [], footer: groups([4, "i32-list", [1]]) }), "bad row group");
    refused(
      parquetFile({ groups: [], footer: groups([4, "struct-list", [[]]]) }),
      "negative row count in a row group",
    );
    refused(
      parquetFile({ schema: [], rows: 0, groups: [{ rows: -1, chunks: [] }] }),
      "negative row count in a row group",
    );
    expect(checkParquetStructure(noColumns(0)).footer.get(4)).toEqual([
      new Map<number, unknown>([
        [1, []],
        [2, 0],
        [3, 0],
      ]),
    ]);
  });
});

describe("checkParquetStructure: schema against the row groups", () => {
  it("counts as leaves the schema elements without children", () => {
    const chunk = { bytes: dataPage(3), values: 3 };
    const schema = [element("root", 0, 3), element("a"), element("g", 1, 1), element("b")];
    expect(() =>
      checkParquetStructure(parquetFile({ schema, groups: [{ rows: 3, chunks: [chunk, chunk] }] })),
    ).not.toThrow();
    refused(
      parquetFile({ schema, groups: [{ rows: 3, chunks: [chunk] }] }),
      "row group has 1 columns, schema 2",
    );
    refused(
      parquetFile({ schema, groups: [{ rows: 3, chunks: [chunk, chunk, chunk] }] }),
      "row group has 3 columns, schema 2",
    );
  });

  it("skips schema entries that are not structs", () => {
    const file = parquetFile({
      groups: [{ rows: 0, chunks: [] }],
      footer: (f) => withField(f, [2, "i32-list", [7, 8]]),
    });
    expect(checkParquetStructure(file).footer.get(2)).toEqual([7, 8]);
  });

  it("refuses a column chunk that is not a struct", () => {
    refused(
      parquetFile({
        schema: [element("root", 0, 1), element("a")],
        groups: [{ rows: 0, chunks: [] }],
        footer: (f) =>
          withField(f, [
            4,
            "struct-list",
            [
              [
                [1, "i32-list", [1]],
                [3, "i64", 0],
              ],
            ],
          ]),
      }),
      "bad column chunk",
    );
  });
});

describe("checkParquetStructure: key/value metadata", () => {
  it("returns every entry with a key, a missing value as empty text", () => {
    const keyValues: ThriftField[][] = [
      [
        [1, "binary", "pandas"],
        [2, "binary", "{}"],
      ],
      [[1, "binary", "bare"]],
      [[2, "binary", "no key"]],
    ];
    const facts = checkParquetStructure(parquetFile({ groups: [], keyValues }));
    expect(facts.keyValues).toEqual(
      new Map([
        ["pandas", "{}"],
        ["bare", ""],
      ]),
    );
  });

  it("skips entries that are not structs, and returns an empty map without metadata", () => {
    const file = parquetFile({ groups: [], footer: (f) => withField(f, [5, "i32-list", [1, 2]]) });
    expect(checkParquetStructure(file).keyValues).toEqual(new Map());
    expect(checkParquetStructure(parquetFile({ groups: [] })).keyValues).toEqual(new Map());
  });
});
