// Parquet files by hand, for the structure check's tests: page headers, column chunks and the
// footer written with the direct writer's Thrift encoder (field ids as in parquet.thrift), every
// offset worked out here so a test changes exactly the one field it means to damage.
import { checkParquetStructure } from "../parquet-structure";
import { thriftStruct, type ThriftField } from "../direct/thrift-writer";
import { throwsStructure } from "./structure-error";

export const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
/** 1 GiB: the largest page or column chunk after decompression. */
export const GIB = 1024 * 1024 * 1024;

/** `fields` with `field` in place of the one of its id (or added). */
export const withField = (fields: readonly ThriftField[], field: ThriftField): ThriftField[] =>
  fields.some(([id]) => id === field[0])
    ? fields.map((f) => (f[0] === field[0] ? field : f))
    : [...fields, field];
/** `fields` without the one of id `id`. */
export const without = (fields: readonly ThriftField[], id: number): ThriftField[] =>
  fields.filter(([i]) => i !== id);
/** A change of fields that sets `field` (for {@link Chunk.meta} and {@link FileSpec.footer}). */
export const set = (field: ThriftField) => (fields: ThriftField[]) => withField(fields, field);
/** A change of fields that drops field `id`. */
export const drop = (id: number) => (fields: ThriftField[]) => without(fields, id);

/** Where a page's values are described: data page (5), dictionary page (7), data page v2 (8). */
export type PageKind = 5 | 7 | 8;

const RLE_LEVELS: ThriftField[] = [
  [3, "i32", 3],
  [4, "i32", 3],
];

/** A PageHeader: sizes (2 uncompressed, 3 compressed) and the kind's header with its count. */
export const pageHeader = (kind: PageKind, values: number, body: number): ThriftField[] => [
  [1, "i32", kind === 5 ? 0 : kind === 7 ? 2 : 3],
  [2, "i32", body],
  [3, "i32", body],
  // Encodings: PLAIN values (and RLE levels for a data page).
  [kind, "struct", [[1, "i32", values], [2, "i32", 0], ...(kind === 5 ? RLE_LEVELS : [])]],
];

/** A page: the header's bytes, then `body` zero bytes. */
export const page = (header: readonly ThriftField[], body: number): number[] => [
  ...thriftStruct(header),
  ...new Array<number>(body).fill(0),
];
/** A data page of `values` values and `body` bytes. */
export const dataPage = (values: number, body = 4): number[] =>
  page(pageHeader(5, values, body), body);

/** One column chunk: its pages' bytes and what its metadata says. */
export interface Chunk {
  bytes: number[];
  values: number;
  /** Changes the ColumnMetaData fields worked out from where the pages landed (none: drop it). */
  meta?: (fields: ThriftField[]) => ThriftField[] | undefined;
  /** Fields added to the ColumnChunk (e.g. 1, file_path). */
  extra?: ThriftField[];
}

export interface FileSpec {
  /** Row groups: their row counts and column chunks. */
  groups: Array<{ rows: number; chunks: Chunk[] }>;
  /** The footer's row count; default the groups' sum. */
  rows?: number;
  /** SchemaElements; default a root and one optional leaf per chunk of the first group. */
  schema?: ThriftField[][];
  keyValues?: ThriftField[][];
  /** Changes the FileMetaData fields. */
  footer?: (fields: ThriftField[]) => ThriftField[];
  /** Zero bytes between the last chunk and the footer. */
  pad?: number;
}

/** A SchemaElement: a leaf (repetition 1 = optional, 2 = repeated) or, with children, a group. */
export const element = (name: string, repetition = 1, children = 0): ThriftField[] => [
  ...(children === 0 ? [[1, "i32", 5] as ThriftField] : []),
  [3, "i32", repetition],
  [4, "binary", name],
  ...(children === 0 ? [] : [[5, "i32", children] as ThriftField]),
];

/** The footer (FileMetaData) of `spec`, appending each chunk's bytes to `out` at its offset. */
const footerFields = (spec: FileSpec, out: number[]): ThriftField[] => {
  const groups = spec.groups.map(({ rows, chunks }): ThriftField[] => {
    const columns = chunks.map((chunk, i): ThriftField[] => {
      const offset = out.length;
      out.push(...chunk.bytes);
      const auto: ThriftField[] = [
        [1, "i32", 5],
        [2, "i32-list", [0]],
        [3, "binary-list", [`c${i}`]],
        [4, "i32", 0],
        [5, "i64", chunk.values],
        [6, "i64", chunk.bytes.length],
        [7, "i64", chunk.bytes.length],
        [9, "i64", offset],
      ];
      const meta = chunk.meta === undefined ? auto : chunk.meta(auto);
      const metaField: ThriftField[] = meta === undefined ? [] : [[3, "struct", meta]];
      return [...(chunk.extra ?? []), [2, "i64", offset], ...metaField];
    });
    const size = chunks.reduce((n, chunk) => n + chunk.bytes.length, 0);
    return [
      [1, "struct-list", columns],
      [2, "i64", size],
      [3, "i64", rows],
    ];
  });
  const leaves = spec.groups[0]?.chunks.length ?? 0;
  const schema = spec.schema ?? [
    element("root", 0, leaves),
    ...Array.from({ length: leaves }, (_, i) => element(`c${i}`)),
  ];
  const fields: ThriftField[] = [
    [1, "i32", 1],
    [2, "struct-list", schema],
    [3, "i64", spec.rows ?? spec.groups.reduce((n, g) => n + g.rows, 0)],
    [4, "struct-list", groups],
    ...(spec.keyValues === undefined ? [] : [[5, "struct-list", spec.keyValues] as ThriftField]),
  ];
  return spec.footer?.(fields) ?? fields;
};

/** `head` (starting with the magic), then `footer`, its length and the closing magic. */
const close = (head: number[], footer: Uint8Array): Uint8Array => {
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, footer.length, true);
  return Uint8Array.from([...head, ...footer, ...length, ...MAGIC]);
};

/** A whole file of magic, `body`, then `footer` as the footer. */
export const wrap = (body: number[], footer: Uint8Array): Uint8Array =>
  close([...MAGIC, ...body], footer);

/** The bytes of the Parquet file `spec` describes. */
export const parquetFile = (spec: FileSpec): Uint8Array => {
  const out = [...MAGIC];
  const fields = footerFields(spec, out);
  out.push(...new Array<number>(spec.pad ?? 0).fill(0));
  return close(out, thriftStruct(fields));
};

/** A file of one column chunk holding `values` values in one data page. */
export const oneColumn = (chunk: Partial<Chunk> = {}, spec: Partial<FileSpec> = {}) =>
  parquetFile({
    groups: [{ rows: chunk.values ?? 3, chunks: [{ bytes: dataPage(3), values: 3, ...chunk }] }],
    ...spec,
  });

/** Expects the structure check of `bytes` to fail with a StructureError saying exactly `reason`. */
export const refused = (bytes: Uint8Array, reason: string): void =>
  throwsStructure(() => checkParquetStructure(bytes), reason);
