// Parquet column chunks and footers built by hand, for the direct reader's tests: every page
// header, chunk and schema field can be set apart from what the direct writer would write.
import { CompactReader, type ThriftStruct } from "../../thrift-compact";
import { thriftStruct, type ThriftField } from "../thrift-writer";

export interface HandPage {
  readonly body: Uint8Array;
  readonly values: number;
  /** PageType (0 data, 2 dictionary). */
  readonly type?: number;
  readonly encoding?: number;
  /** The header's uncompressed size, when not the body's length. */
  readonly size?: number;
  /** Leave out the DataPageHeader (field 5). */
  readonly noDataHeader?: boolean;
}
export interface HandChunk {
  readonly pages: readonly HandPage[];
  readonly codec?: number;
  readonly dictionary?: boolean;
}
export interface HandLeaf {
  readonly name: string;
  readonly type: number;
  /** 0 required, 1 optional (the default), 2 repeated. */
  readonly repetition?: number;
  readonly extra?: readonly ThriftField[];
}
export interface HandFile {
  readonly leaves: readonly HandLeaf[];
  /** Per row group: its rows and one chunk per leaf. */
  readonly groups: readonly { rows: number; chunks: readonly HandChunk[] }[];
  /** Bytes before the first page (to align or misalign values). */
  readonly pad?: number;
  /** The root's num_children, when not the number of leaves. */
  readonly children?: number;
}

const pageHeader = (page: HandPage): Uint8Array => {
  const fields: ThriftField[] = [
    [1, "i32", page.type ?? 0],
    [2, "i32", page.size ?? page.body.length],
    [3, "i32", page.body.length],
  ];
  if (page.noDataHeader !== true) {
    const encoding = page.encoding ?? 0;
    fields.push([5, "struct", [[1, "i32", page.values], [2, "i32", encoding], [3, "i32", 3], [4, "i32", 3]]]);
  }
  return thriftStruct(fields);
};

/** The file's bytes and its footer as the structure check would give it. */
export const handParquet = (file: HandFile): { bytes: Uint8Array; footer: ThriftStruct } => {
  const parts: number[] = Array<number>(file.pad ?? 0).fill(0);
  const groups = file.groups.map(({ rows, chunks }) => {
    const columns = chunks.map((chunk, c): ThriftField[] => {
      const offset = parts.length;
      for (const page of chunk.pages) parts.push(...pageHeader(page), ...page.body);
      const values = chunk.pages.reduce((n, p) => n + p.values, 0);
      const meta: ThriftField[] = [
        [1, "i32", file.leaves[c]!.type],
        [4, "i32", chunk.codec ?? 0],
        [5, "i64", values],
        [7, "i64", parts.length - offset],
        [9, "i64", offset],
      ];
      if (chunk.dictionary === true) meta.push([11, "i64", offset]);
      return [[2, "i64", offset], [3, "struct", meta]];
    });
    return [[1, "struct-list", columns], [3, "i64", rows]] as ThriftField[];
  });
  const leaves = file.leaves.map((leaf): ThriftField[] =>
    [
      [1, "i32", leaf.type] as ThriftField,
      [3, "i32", leaf.repetition ?? 1] as ThriftField,
      [4, "binary", leaf.name] as ThriftField,
      ...(leaf.extra ?? []),
    ].sort((a, b) => a[0] - b[0]),
  );
  const root: ThriftField[] = [[4, "binary", "schema"], [5, "i32", file.children ?? leaves.length]];
  const rows = file.groups.reduce((n, g) => n + g.rows, 0);
  const footerBytes = thriftStruct([
    [2, "struct-list", [root, ...leaves]],
    [3, "i64", rows],
    [4, "struct-list", groups],
  ]);
  const footer = new CompactReader(footerBytes, 0, footerBytes.length).struct();
  return { bytes: Uint8Array.from(parts), footer };
};

/** Definition levels saying all `rows` values are present (one RLE run, length-prefixed). */
export const present = (rows: number): number[] => {
  const run = rows * 2 < 128 ? [rows * 2, 1] : [(rows * 2) % 128 | 0x80, Math.floor((rows * 2) / 128), 1];
  return [run.length, 0, 0, 0, ...run];
};
/** Little-endian bytes of doubles. */
export const doubles = (values: number[]): number[] => Array.from(new Uint8Array(Float64Array.from(values).buffer));
/** Little-endian bytes of int64 values. */
export const longs = (values: bigint[]): number[] => Array.from(new Uint8Array(BigInt64Array.from(values).buffer));
