import { check, supported } from "./flatbuffer-view";
import { CompactReader, list, num, sub, text, type ThriftStruct } from "./thrift-compact";

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
/** Rows allowed per byte of file: beyond this a row count is damage (or a decompression bomb). */
const MAX_ROWS_PER_BYTE = 128;
/** Largest page or column chunk after decompression. */
const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
const REPEATED = 2;

/** What the footer says that the reader needs besides the bytes. */
export interface ParquetFacts {
  keyValues: Map<string, string>;
  /** The decoded footer (`FileMetaData`), checked as above. */
  footer: ThriftStruct;
}

const hasMagic = (bytes: Uint8Array, at: number) => MAGIC.every((b, i) => bytes[at + i] === b);

// Walks the pages of one column chunk: each header parses, each page lies inside the chunk.
const checkPages = (
  bytes: Uint8Array,
  start: number,
  end: number,
  values: number,
  flat: boolean,
) => {
  let seen = 0;
  for (let pos = start; pos < end; ) {
    const reader = new CompactReader(bytes, pos, end);
    const header = reader.struct();
    const compressed = num(header, 3, -1);
    const uncompressed = num(header, 2, -1);
    check(compressed >= 0 && reader.pos + compressed <= end, "page runs past its column chunk");
    check(
      uncompressed >= 0 && uncompressed <= MAX_UNCOMPRESSED_BYTES,
      "bad uncompressed page size",
    );
    const data = sub(header, 5) ?? sub(header, 8);
    const dictionary = sub(header, 7);
    const count = num(data ?? dictionary, 1, 0);
    check(count >= 0, "negative value count in a page");
    if (data !== undefined) seen += count;
    if (sub(header, 8) !== undefined) {
      const levels = num(data, 5) + num(data, 6);
      check(levels >= 0 && levels <= compressed, "page levels longer than the page");
    }
    pos = reader.pos + compressed;
  }
  check(!flat || seen === values, `pages hold ${seen} values, the column chunk says ${values}`);
};

const checkColumn = (
  bytes: Uint8Array,
  chunk: ThriftStruct,
  footerStart: number,
  rows: number,
  flat: boolean,
) => {
  const meta = sub(chunk, 3);
  check(meta !== undefined, "column chunk without metadata");
  supported(text(chunk, 1) === undefined, "column chunks in other files are not supported");
  const values = num(meta, 5, -1);
  const compressed = num(meta, 7, -1);
  const uncompressed = num(meta, 6, -1);
  // Stryker disable next-line UnaryOperator: a missing offset as -1 or 1 (alone or the min with a dictionary offset) is below 4 either way, refused as outside the file
  const dataOffset = num(meta, 9, -1);
  const dictOffset = num(meta, 11, 0);
  const start = dictOffset > 0 ? Math.min(dictOffset, dataOffset) : dataOffset;
  check(
    values >= 0 && (!flat || values === rows),
    "column chunk value count differs from its rows",
  );
  check(uncompressed >= 0 && uncompressed <= MAX_UNCOMPRESSED_BYTES, "bad uncompressed chunk size");
  check(
    start >= 4 && compressed >= 0 && start + compressed <= footerStart,
    "column chunk outside the file",
  );
  checkPages(bytes, start, start + compressed, values, flat);
};

/**
 * Checks the structure of Parquet bytes before parquet-wasm sees them: both magics, the footer
 * length, the footer's Thrift (bounded), row counts against the file size, every column chunk
 * inside the file and every page header inside its chunk with sane sizes and value counts.
 *
 * @throws {StructureError} naming the first problem.
 */
export const checkParquetStructure = (bytes: Uint8Array): ParquetFacts => {
  const size = bytes.length;
  check(
    size >= 12 && hasMagic(bytes, 0) && hasMagic(bytes, size - 4),
    "not a Parquet file (magic)",
  );
  const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(size - 8, true);
  const footerStart = size - 8 - footerLength;
  check(footerStart >= 4, `footer length ${footerLength} out of range`);
  const footer = new CompactReader(bytes, footerStart, size - 8).struct();
  const schema = list(footer, 2).filter((e): e is ThriftStruct => e instanceof Map);
  const leaves = schema.filter((e) => num(e, 5, 0) === 0).length;
  const flat = schema.every((e) => num(e, 3, 0) !== REPEATED);
  const rows = num(footer, 3, -1);
  check(
    rows >= 0 && rows <= Math.max(MAX_ROWS_PER_BYTE * size, 1 << 16),
    `row count ${rows} out of range`,
  );
  let total = 0;
  for (const group of list(footer, 4)) {
    check(group instanceof Map, "bad row group");
    const groupRows = num(group, 3, -1);
    check(groupRows >= 0, "negative row count in a row group");
    total += groupRows;
    const columns = list(group, 1);
    check(columns.length === leaves, `row group has ${columns.length} columns, schema ${leaves}`);
    for (const chunk of columns) {
      check(chunk instanceof Map, "bad column chunk");
      checkColumn(bytes, chunk, footerStart, groupRows, flat);
    }
  }
  check(total === rows, `row groups hold ${total} rows, the footer says ${rows}`);
  const keyValues = new Map<string, string>();
  for (const kv of list(footer, 5)) {
    const key = kv instanceof Map ? text(kv, 1) : undefined;
    if (key !== undefined) keyValues.set(key, text(kv as ThriftStruct, 2) ?? "");
  }
  return { keyValues, footer };
};
