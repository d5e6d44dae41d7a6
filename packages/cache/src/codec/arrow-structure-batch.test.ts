// A record batch's own fields: its length, field nodes and buffers at their exact edges, the
// unsupported compression, variadic counts, and the generic bounds for nested schemas.
import { describe, it } from "vitest";
import {
  batchStream,
  int32Field,
  listField,
  nullField,
  passes,
  recordBatch,
  refuses,
} from "./__fixtures__/arrow-bytes";
import { int64s, raw, table } from "./__fixtures__/flat-bytes";

const EMPTY: Array<[number, number]> = [
  [0, 0],
  [0, 0],
];

describe("checkArrowStructure on a record batch", () => {
  it("takes a missing length as 0 rows and refuses a negative one", () => {
    passes(batchStream([int32Field], recordBatch(undefined, [[0, 0]], EMPTY)));
    refuses(
      batchStream([int32Field], recordBatch(undefined, [[1, 0]], EMPTY)),
      "column length differs from the batch length",
    );
    refuses(batchStream([int32Field], recordBatch(-1, [[0, 0]], EMPTY)), "negative row count -1");
  });

  it("takes missing nodes and buffers as none", () => {
    passes(batchStream([], recordBatch(0, undefined, undefined)));
    passes(batchStream([nullField], recordBatch(2, [[2, 2]], undefined)));
    refuses(
      batchStream([int32Field], recordBatch(0, undefined, EMPTY)),
      "fewer field nodes than columns",
    );
    refuses(
      batchStream([int32Field], recordBatch(0, [[0, 0]], undefined)),
      "too few buffers for the columns",
    );
  });

  it("refuses node and buffer vectors longer than the metadata", () => {
    const nodes = table(undefined, raw(1000, int64s(0, 0)));
    refuses(batchStream([], nodes), "vector of 1000 elements overruns its region");
    const buffers = table(undefined, undefined, raw(1000, int64s(0, 0)));
    refuses(batchStream([], buffers), "vector of 1000 elements overruns its region");
  });

  it("refuses a field node with negative counts or more nulls than rows, at any index", () => {
    const nodes = (second: [number, number]) =>
      batchStream([listField], recordBatch(2, [[2, 0], second], []), 16);
    passes(nodes([2, 2]));
    passes(nodes([0, 0]));
    refuses(nodes([-1, 0]), "bad field node");
    refuses(nodes([2, -1]), "bad field node");
    refuses(nodes([2, 3]), "bad field node");
  });

  it("refuses a buffer with negative offset or length, or past the body, at any index", () => {
    const buffers = (second: [number, number]) =>
      batchStream([listField], recordBatch(2, [[2, 0]], [[0, 16], second]), 16);
    passes(buffers([8, 8]));
    passes(buffers([16, 0]));
    refuses(buffers([8, 9]), "buffer runs past the message body");
    refuses(buffers([9, 8]), "buffer runs past the message body");
    refuses(buffers([-1, 1]), "negative buffer offset or length");
    refuses(buffers([1, -1]), "negative buffer offset or length");
  });

  it("refuses compressed batches and checks the variadic buffer counts", () => {
    refuses(
      batchStream([], recordBatch(0, [], [], table())),
      "compressed record batches are not supported",
    );
    passes(batchStream([], recordBatch(0, [], [], undefined, raw(2, int64s(1, 2)))));
    refuses(
      batchStream([], recordBatch(0, [], [], undefined, raw(1000, int64s(1, 2)))),
      "vector of 1000 elements overruns its region",
    );
  });

  it("bounds a nested batch's rows by 8 per body byte, or 1024 for a small body", () => {
    const rows = (count: number, body: number) =>
      batchStream([listField], recordBatch(count, [], []), body);
    passes(rows(1024, 0));
    refuses(rows(1025, 0), "row count 1025 exceeds what the body holds");
    passes(rows(1024, 127));
    refuses(rows(1025, 128), "row count 1025 exceeds what the body holds");
    passes(rows(1032, 129));
    passes(rows(1600, 200));
    refuses(rows(1601, 200), "row count 1601 exceeds what the body holds");
  });

  it("bounds each nested node by 8 per body byte plus the batch's rows", () => {
    const nodes = (...list: Array<[number, number]>) =>
      batchStream([listField], recordBatch(10, list, []), 16);
    passes(nodes([10, 0], [138, 0]));
    refuses(nodes([10, 0], [139, 0]), "field node longer than its data");
    refuses(nodes([139, 0], [10, 0]), "field node longer than its data");
  });

  it("needs a node per flat column, each as long as the batch, extra nodes allowed", () => {
    const two = [int32Field, int32Field];
    const buffers: Array<[number, number]> = [...EMPTY, ...EMPTY];
    passes(
      batchStream(
        two,
        recordBatch(
          0,
          [
            [0, 0],
            [0, 0],
            [5, 0],
          ],
          buffers,
        ),
      ),
    );
    refuses(batchStream(two, recordBatch(0, [[0, 0]], buffers)), "fewer field nodes than columns");
    refuses(
      batchStream(
        two,
        recordBatch(
          0,
          [
            [0, 0],
            [1, 0],
          ],
          buffers,
        ),
      ),
      "column length differs from the batch length",
    );
  });

  it("gives each flat column the buffers after the previous column's", () => {
    const two = [int32Field, int32Field];
    const column = (a: number, b: number) =>
      batchStream(
        two,
        recordBatch(
          2,
          [
            [2, 0],
            [2, 0],
          ],
          [
            [0, 0],
            [0, a],
            [0, 0],
            [0, b],
          ],
        ),
        8,
      );
    passes(column(8, 8));
    refuses(column(8, 7), "value buffer too short");
    refuses(column(7, 8), "value buffer too short");
  });
});
