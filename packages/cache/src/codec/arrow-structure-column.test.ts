// One flat column's buffers against its row count, each at its exact edge: the validity bitmap,
// boolean bits, fixed-width values, and string offsets (32- and 64-bit) and their data.
import { describe, it } from "vitest";
import {
  batchStream,
  boolField,
  field,
  int32Field,
  int64Field,
  largeUtf8Field,
  nullField,
  passes,
  recordBatch,
  refuses,
  utf8Field,
} from "./__fixtures__/arrow-bytes";
import { i32, int32s, int64s, table, type Flat } from "./__fixtures__/flat-bytes";

/** One column of `rows` rows (`nulls` of them null), its buffers of these lengths at offset 0. */
const one = (column: Flat, rows: number, lengths: number[], nulls = 0) =>
  batchStream(
    [column],
    recordBatch(
      rows,
      [[rows, nulls]],
      lengths.map((length) => [0, length]),
    ),
    64,
  );

/** A string column over 8 bytes of padding, then its offsets, then `data` bytes. */
const strings = (large: boolean, offsets: number[], data: number) => {
  const encoded = large ? int64s(...offsets) : int32s(...offsets);
  const body = Uint8Array.from([...new Uint8Array(8), ...encoded, ...new Uint8Array(data)]);
  const rows = offsets.length - 1;
  return batchStream(
    [large ? largeUtf8Field : utf8Field],
    recordBatch(
      rows,
      [[rows, 0]],
      [
        [0, 8],
        [8, encoded.length],
        [8 + encoded.length, data],
      ],
    ),
    body,
  );
};

describe("checkArrowStructure on a flat column", () => {
  it("gives a null column no buffers", () => {
    const nodes: Array<[number, number]> = [
      [2, 2],
      [2, 0],
    ];
    const batch = recordBatch(2, nodes, [
      [0, 0],
      [0, 8],
    ]);
    passes(batchStream([nullField, int32Field], batch, 8));
    passes(batchStream([nullField], recordBatch(2, [[2, 2]], []), 0));
  });

  it("needs a validity bitmap of a bit per row when the column has nulls", () => {
    passes(one(int32Field, 9, [2, 36], 1));
    refuses(one(int32Field, 9, [1, 36], 1), "validity bitmap shorter than the column");
    passes(one(int32Field, 8, [1, 32], 1));
    passes(one(int32Field, 9, [0, 36], 0));
    refuses(one(int32Field, 2, [0]), "too few buffers for the columns");
  });

  it("needs a bit per row of a boolean column", () => {
    passes(one(boolField, 9, [0, 2]));
    refuses(one(boolField, 9, [0, 1]), "boolean buffer too short");
    passes(one(boolField, 8, [0, 1]));
  });

  it("needs the bytes of every row of a fixed-width column", () => {
    passes(one(int64Field, 3, [0, 24]));
    refuses(one(int64Field, 3, [0, 23]), "value buffer too short");
    passes(one(int32Field, 3, [0, 12]));
    refuses(one(int32Field, 3, [0, 11]), "value buffer too short");
    const binary = (width: number) => field(15, table(i32(width)));
    passes(one(binary(3), 3, [0, 9]));
    refuses(one(binary(3), 3, [0, 8]), "value buffer too short");
    passes(one(binary(0), 9, [0, 0]));
  });

  it("needs three buffers for a string column, even with no rows", () => {
    refuses(one(utf8Field, 2, [0, 12]), "too few buffers for a string column");
    const two = [utf8Field, int32Field];
    const empty = (count: number) =>
      recordBatch(
        0,
        [
          [0, 0],
          [0, 0],
        ],
        Array(count).fill([0, 0]),
      );
    passes(batchStream(two, empty(5)));
    refuses(batchStream(two, empty(4)), "too few buffers for the columns");
  });

  it("needs an offset per row plus one", () => {
    passes(one(utf8Field, 2, [0, 12, 0]));
    refuses(one(utf8Field, 2, [0, 11, 0]), "offsets buffer too short");
    passes(one(largeUtf8Field, 2, [0, 24, 0]));
    refuses(one(largeUtf8Field, 2, [0, 23, 0]), "offsets buffer too short");
  });

  for (const large of [false, true]) {
    const kind = large ? "64-bit" : "32-bit";
    it(`reads ${kind} offsets where they are and needs them in order inside the data`, () => {
      passes(strings(large, [0, 1, 3], 3));
      passes(strings(large, [0, 0, 0], 0));
      passes(strings(large, [2, 2, 3], 3));
      refuses(strings(large, [-1, 0, 2], 3), "negative string offset");
      refuses(strings(large, [0, 3, 2], 3), "string offsets go backwards");
      refuses(strings(large, [0, 2, 1], 3), "string offsets go backwards");
      refuses(strings(large, [2, 1, 3], 3), "string offsets go backwards");
      refuses(strings(large, [0, 1, 4], 3), "string offsets run past the data buffer");
      refuses(strings(large, [0, 4, 4], 3), "string offsets run past the data buffer");
    });
  }
});
