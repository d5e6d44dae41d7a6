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
  const codec = num(meta, 4, -1);
  if ((codec !== 0 && codec !== 1) || meta.has(11)) return false;
  let pos = num(meta, 9);
  const end = pos + num(meta, 7);
  for (let seen = 0; seen < rows; ) {
    const reader = new CompactReader(bytes, pos, end);
    const header = reader.struct();
    const data = sub(header, 5);
    if (num(header, 1, -1) !== 0 || data === undefined || num(data, 2, -1) !== 0) return false;
    const stored = bytes.subarray(reader.pos, reader.pos + num(header, 3));
    const size = num(header, 2);
    const page = codec === 1 ? snappyDecompress(stored, size) : stored;
    check(page.length === size, "page size differs from its header");
    const values = num(data, 1);
    const start = optional ? allDefinedLevels(page, values) : 0;
    if (start < 0) return false; // nulls: the general path handles them
    check(page.length - start === values * width && seen + values <= rows, "bad page length");
    raw.set(page.subarray(start), at + seen * width);
    seen += values;
    pos = reader.pos + stored.length;
  }
  return true;
};

// int64 little-endian words as numbers; beyond ±(2^53 - 1) is damage for a number column.
const int64Numbers = (raw: Uint8Array, rows: number): Float64Array => {
  const words = new Int32Array(raw.buffer, raw.byteOffset, rows * 2);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const v = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
    check(Number.isSafeInteger(v), `int64 value at row ${i} does not fit a number`);
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
  // Own, 8-byte aligned buffers, not zero-filled: every byte is written by a page below.
  const raws = kinds.map(
    (kind) => new Uint8Array(Buffer.allocUnsafeSlow(rows * WIDTH[kind!]).buffer),
  );
  let first = 0;
  for (const group of list(footer, 4) as ThriftStruct[]) {
    const groupRows = num(group, 3);
    const chunks = list(group, 1) as ThriftStruct[];
    for (let c = 0; c < leaves.length; c += 1) {
      const width = WIDTH[kinds[c]!];
      const optional = num(leaves[c], 3) === 1;
      const meta = sub(chunks[c], 3)!;
      if (!readChunk(bytes, meta, groupRows, optional, width, raws[c]!, first * width)) {
        return undefined;
      }
    }
    first += groupRows;
  }
  const columns = Object.fromEntries(names.map((n, c) => [n, column(kinds[c]!, raws[c]!, rows)]));
  return columnsTable(columns);
};
