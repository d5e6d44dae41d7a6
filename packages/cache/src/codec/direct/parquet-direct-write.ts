import { ByteSink } from "./byte-sink";
import { PHYSICAL, type DirectColumn } from "./direct-columns";
import { maxCompressedLength, snappyCompress } from "./snappy-compress";
import { thriftStruct, type ThriftField } from "./thrift-writer";

/** Rows per row group (arrow-rs' default). */
export const ROW_GROUP_ROWS = 1024 * 1024;
const MAGIC = Uint8Array.of(0x50, 0x41, 0x52, 0x31); // "PAR1"
const WIDTH = { double: 8, float: 4, int32: 4, int64: 8, "timestamp-ms-utc": 8 } as const;
const TYPE = {
  double: PHYSICAL.DOUBLE,
  float: PHYSICAL.FLOAT,
  int32: PHYSICAL.INT32,
  int64: PHYSICAL.INT64,
  "timestamp-ms-utc": PHYSICAL.INT64,
} as const;
const ENCODING = { PLAIN: 0, RLE: 3 };
const OPTIONAL = 1;
const TIMESTAMP_MILLIS = 9; // legacy converted type, for older readers

const schemaElement = (column: DirectColumn): ThriftField[] => {
  const fields: ThriftField[] = [
    [1, "i32", TYPE[column.kind]],
    [3, "i32", OPTIONAL],
    [4, "binary", column.name],
  ];
  if (column.kind === "timestamp-ms-utc") {
    const unit: ThriftField = [2, "struct", [[1, "struct", []]]]; // TimeUnit.MILLIS
    fields.push(
      [6, "i32", TIMESTAMP_MILLIS],
      [10, "struct", [[8, "struct", [[1, "bool", true], unit]]]],
    );
  }
  return fields;
};

// Definition levels of `rows` non-null values: one RLE run of 1s (bit width 1), length-prefixed.
const allDefined = (rows: number): Uint8Array => {
  const run: number[] = [];
  for (let v = rows * 2; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      run.push(v, 1);
      break;
    }
    run.push(v % 128 | 0x80);
  }
  return Uint8Array.of(run.length, 0, 0, 0, ...run);
};

/** Bytes of a page sampled to decide whether snappy pays. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Snappy is used for a column chunk only when it shrinks a 64 KiB sample of the page to a
 * quarter or less (constant or near-constant columns). Float prices, epoch-ms stamps and volumes
 * shrink by 0–55%, for 10–50x the time of a copy in JavaScript both ways, so they are stored
 * plain (the codec is per column chunk; every reader accepts the mix).
 */
const snappyPays = (page: Uint8Array): boolean => {
  const sample = page.subarray(0, SAMPLE_BYTES);
  return snappyCompress(sample).length * 4 <= sample.length;
};

// One column chunk of rows [start, end): a single PLAIN data page, snappy where it pays.
// Returns the chunk's offset and metadata; its bytes go to `sink`. An uncompressed page is
// preceded by the zero bytes (at most 7, outside every chunk) that put its values on an 8-byte
// boundary of the file, so a reader can use them in place as a typed array.
const columnChunk = (
  column: DirectColumn,
  start: number,
  end: number,
  sink: ByteSink,
  snappy: boolean,
): { offset: number; meta: ThriftField[] } => {
  const width = WIDTH[column.kind];
  const levels = allDefined(end - start);
  const values = column.plain.subarray(start * width, end * width);
  const size = levels.length + values.length;
  let body: Uint8Array | undefined;
  if (snappy && snappyPays(values)) {
    const page = Buffer.allocUnsafe(size);
    page.set(levels);
    page.set(values, levels.length);
    body = snappyCompress(page);
  }
  const header = thriftStruct([
    [1, "i32", 0], // DATA_PAGE
    [2, "i32", size],
    [3, "i32", body?.length ?? size],
    [
      5,
      "struct",
      [
        [1, "i32", end - start],
        [2, "i32", ENCODING.PLAIN],
        [3, "i32", ENCODING.RLE],
        [4, "i32", ENCODING.RLE],
      ],
    ],
  ]);
  if (body === undefined) sink.zeros(-(sink.pos + header.length + levels.length) & 7);
  const offset = sink.pos;
  sink.put(header);
  if (body !== undefined) sink.put(body);
  else {
    sink.put(levels);
    sink.put(values);
  }
  const meta: ThriftField[] = [
    [1, "i32", TYPE[column.kind]],
    [2, "i32-list", [ENCODING.PLAIN, ENCODING.RLE]],
    [3, "binary-list", [column.name]],
    [4, "i32", body === undefined ? 0 : 1],
    [5, "i64", end - start],
    [6, "i64", header.length + size],
    [7, "i64", sink.pos - offset],
    [9, "i64", offset],
  ];
  return { offset, meta };
};

// An upper bound of the file's size: pages as if snappy grew them, headers, footer allowance.
const bound = (columns: readonly DirectColumn[], rows: number): number => {
  const groups = Math.ceil(rows / ROW_GROUP_ROWS);
  const names = columns.reduce((n, c) => n + 3 * c.name.length, 0);
  const pages = columns.reduce((n, c) => n + maxCompressedLength(c.plain.length + 8 * groups), 0);
  return pages + groups * columns.length * (64 + 8) + names * (groups + 1) + 1024;
};

/**
 * Writes a Parquet file (format 1, flat schema, OPTIONAL columns without nulls, one PLAIN data
 * page per column chunk, snappy or uncompressed) straight from the columns' bytes, with
 * `keyValues` in the footer.
 */
export const writeParquetDirect = (
  columns: readonly DirectColumn[],
  rows: number,
  compression: "snappy" | "uncompressed",
  keyValues: ReadonlyMap<string, string>,
): Uint8Array => {
  const extra = [...keyValues].reduce((n, [k, v]) => n + 3 * (k.length + v.length) + 16, 0);
  const sink = new ByteSink(Buffer.allocUnsafe(bound(columns, rows) + extra));
  sink.put(MAGIC);
  const groups: ThriftField[][] = [];
  for (let start = 0; start < rows; start += ROW_GROUP_ROWS) {
    const end = Math.min(rows, start + ROW_GROUP_ROWS);
    const chunks: ThriftField[][] = [];
    const first = sink.pos;
    for (const column of columns) {
      const { offset, meta } = columnChunk(column, start, end, sink, compression === "snappy");
      chunks.push([
        [2, "i64", offset],
        [3, "struct", meta],
      ]);
    }
    groups.push([
      [1, "struct-list", chunks],
      [2, "i64", sink.pos - first],
      [3, "i64", end - start],
    ]);
  }
  const footer = thriftStruct([
    [1, "i32", 1],
    [
      2,
      "struct-list",
      [
        [
          [4, "binary", "schema"],
          [5, "i32", columns.length],
        ],
        ...columns.map(schemaElement),
      ],
    ],
    [3, "i64", rows],
    [4, "struct-list", groups],
    [
      5,
      "struct-list",
      [...keyValues].map(([k, v]): ThriftField[] => [
        [1, "binary", k],
        [2, "binary", v],
      ]),
    ],
    [6, "binary", "@peak/cache"],
  ]);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, footer.length, true);
  sink.put(footer);
  sink.put(length);
  sink.put(MAGIC);
  return sink.bytes.subarray(0, sink.pos);
};
