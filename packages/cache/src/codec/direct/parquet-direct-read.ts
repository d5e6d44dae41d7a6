import { table as columnsTable, type ColumnTable } from "arquero";
import { check } from "../flatbuffer-view";
import { CompactReader, list, num, sub, type ThriftStruct } from "../thrift-compact";
import { rememberOrigin } from "./column-origin";
import type { DirectColumn } from "./direct-columns";
import { leafKind } from "./leaf-kind";
import { allDefinedLevels } from "./levels";
import { snappyDecompress } from "./snappy-decompress";

type Kind = DirectColumn["kind"];
const WIDTH = { double: 8, float: 4, int32: 4, int64: 8, "timestamp-ms-utc": 8 } as const;

interface Page {
  /** The page as stored (compressed or not). */
  stored: Uint8Array;
  /** Its uncompressed size and value count. */
  size: number;
  values: number;
}

// The PLAIN v1 data page at `pos`; undefined for any other page (dictionary, v2, other encoding).
const pageAt = (bytes: Uint8Array, pos: number, end: number): Page | undefined => {
  const reader = new CompactReader(bytes, pos, end);
  const header = reader.struct();
  const data = sub(header, 5);
  if (num(header, 1, -1) !== 0 || data === undefined || num(data, 2, -1) !== 0) return undefined;
  const stored = bytes.subarray(reader.pos, reader.pos + num(header, 3));
  return { stored, size: num(header, 2), values: num(data, 1) };
};

// A page's values after its definition levels; undefined when there are nulls.
const pageValues = (page: Uint8Array, values: number, optional: boolean, width: number) => {
  const start = optional ? allDefinedLevels(page, values) : 0;
  if (start < 0) return undefined; // nulls: the general path handles them
  check(page.length - start === values * width, "bad page length");
  return page.subarray(start);
};

const plainChunk = (meta: ThriftStruct): boolean => {
  const codec = num(meta, 4, -1);
  return (codec === 0 || codec === 1) && !meta.has(11);
};

// A chunk that is one uncompressed page of all `rows` values, aligned for its typed array in
// `bytes`: its values in place (what the direct writer makes of a file of one row group).
const chunkInPlace = (
  bytes: Uint8Array,
  meta: ThriftStruct,
  rows: number,
  optional: boolean,
  width: number,
): Uint8Array | undefined => {
  if (num(meta, 4, -1) !== 0 || meta.has(11)) return undefined; // compressed, or a dictionary
  const pos = num(meta, 9);
  const page = pageAt(bytes, pos, pos + num(meta, 7));
  if (page === undefined || page.values !== rows || page.stored.length !== page.size)
    return undefined;
  const values = pageValues(page.stored, rows, optional, width);
  return values !== undefined && values.byteOffset % width === 0 ? values : undefined;
};

// Reads one column chunk's pages into `raw` at byte `at`; false when it needs the general path.
const readChunk = (
  bytes: Uint8Array,
  meta: ThriftStruct,
  rows: number,
  optional: boolean,
  width: number,
  raw: Uint8Array,
  at: number,
): boolean => {
  if (!plainChunk(meta)) return false;
  const snappy = num(meta, 4) === 1;
  let pos = num(meta, 9);
  const end = pos + num(meta, 7);
  for (let seen = 0; seen < rows; ) {
    const page = pageAt(bytes, pos, end);
    if (page === undefined) return false;
    const body = snappy ? snappyDecompress(page.stored, page.size) : page.stored;
    check(body.length === page.size, "page size differs from its header");
    const values = pageValues(body, page.values, optional, width);
    if (values === undefined) return false;
    check(seen + page.values <= rows, "bad page length");
    raw.set(values, at + seen * width);
    seen += page.values;
    pos = page.stored.byteOffset - bytes.byteOffset + page.stored.length;
  }
  return true;
};

// int64 little-endian words as numbers; beyond ±(2^53 - 1) is damage for a number column.
const int64Numbers = (raw: Uint8Array, rows: number): Float64Array => {
  const words = new Int32Array(raw.buffer, raw.byteOffset, rows * 2);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const v = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
    // The message is built only on failure: a template argument would make a string per row.
    if (!Number.isSafeInteger(v)) check(false, `int64 value at row ${i} does not fit a number`);
    out[i] = v;
  }
  return out;
};

const column = (kind: Kind, raw: Uint8Array, rows: number) => {
  if (kind === "double") return new Float64Array(raw.buffer, raw.byteOffset, rows);
  if (kind === "float") return new Float32Array(raw.buffer, raw.byteOffset, rows);
  if (kind === "int32") return new Int32Array(raw.buffer, raw.byteOffset, rows);
  const numbers = int64Numbers(raw, rows);
  rememberOrigin(numbers, kind);
  return numbers;
};

/**
 * Reads a checked Parquet footer's file straight into typed arrays when it is a flat file of
 * DOUBLE, FLOAT, INT32, INT64 and `TIMESTAMP(MILLIS, UTC)` columns in PLAIN data pages (v1),
 * uncompressed or snappy, without nulls: what {@link writeParquetDirect} writes. Anything else
 * (dictionaries, other units, nulls, nesting) returns undefined for the general reader.
 *
 * @throws {StructureError} when such a file is damaged.
 */
export const readParquetDirect = (
  bytes: Uint8Array,
  footer: ThriftStruct,
  pandasNaive: ReadonlySet<string>,
): ColumnTable | undefined => {
  const [root, ...leaves] = list(footer, 2) as ThriftStruct[];
  if (root === undefined || leaves.length === 0 || num(root, 5) !== leaves.length) return undefined;
  const kinds = leaves.map((leaf) => leafKind(leaf, pandasNaive));
  const names = leaves.map((leaf) => new TextDecoder().decode(leaf.get(4) as Uint8Array));
  if (kinds.includes(undefined) || new Set(names).size !== names.length) return undefined;
  const rows = num(footer, 3);
  const groups = list(footer, 4) as ThriftStruct[];
  const chunkOf = (group: ThriftStruct | undefined, c: number) =>
    sub((list(group, 1) as ThriftStruct[])[c], 3)!;
  // checkParquetStructure has made sure the row groups add up to `rows`.
  const single = groups.length === 1;
  const raws: Uint8Array[] = [];
  for (let c = 0; c < leaves.length; c += 1) {
    const width = WIDTH[kinds[c]!];
    const optional = num(leaves[c], 3) === 1;
    const inPlace = single
      ? chunkInPlace(bytes, chunkOf(groups[0], c), rows, optional, width)
      : undefined;
    if (inPlace !== undefined) {
      raws.push(inPlace);
      continue;
    }
    // An own, aligned buffer, not zero-filled: every byte is written by a page below.
    const raw = new Uint8Array(Buffer.allocUnsafeSlow(rows * width).buffer);
    let first = 0;
    for (const group of groups) {
      const groupRows = num(group, 3);
      if (!readChunk(bytes, chunkOf(group, c), groupRows, optional, width, raw, first * width)) {
        return undefined;
      }
      first += groupRows;
    }
    raws.push(raw);
  }
  // Values read in place stay views of `bytes` (a file of one row group, as the direct writer
  // makes up to ~1M rows): no copy, and no fresh memory to fault in.
  const columns = Object.fromEntries(names.map((n, c) => [n, column(kinds[c]!, raws[c]!, rows)]));
  return columnsTable(columns);
};
