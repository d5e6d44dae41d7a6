// Arrow IPC bytes by hand (Message.fbs, Schema.fbs, File.fbs), for the structure check's tests:
// schemas, record batches, encapsulated messages, streams and files, any part of them damaged.
import { expect } from "vitest";
import { checkArrowStructure } from "../arrow-structure";
import { throwsStructure } from "./structure-error";
import { flatBuffer, i32, i64, str, structs, table, tables, u16, u8, type Flat } from "./flat-bytes";

/** Message header type ids (MessageHeader union). */
export const HEADER = { Schema: 1, DictionaryBatch: 2, RecordBatch: 3 };

/** A schema Field (name, nullable, type_type, type, dictionary, children). */
export const field = (
  typeId: number,
  type: Flat = table(),
  more: { dictionary?: Flat; children?: Flat[] } = {},
): Flat =>
  table(
    str("c"),
    u8(1),
    u8(typeId),
    type,
    more.dictionary,
    more.children && tables(...more.children),
  );
export const int32Field = field(2, table(i32(32), u8(1)));
export const int64Field = field(2, table(i32(64), u8(1)));
export const boolField = field(6);
export const utf8Field = field(5);
export const largeUtf8Field = field(20);
export const nullField = field(1);
/** A list of int32: a nested column, so batches get the generic checks only. */
export const listField = field(12, table(), { children: [int32Field] });

/** A Schema table with these fields. */
export const schema = (...fields: Flat[]): Flat => table(u16(0), tables(...fields));

/** A RecordBatch table: length, nodes [rows, nulls], buffers [offset, length], then `more`. */
export const recordBatch = (
  rows: number | undefined,
  nodes: Array<[number, number]> | undefined,
  buffers: Array<[number, number]> | undefined,
  ...more: Array<Flat | undefined>
): Flat =>
  table(
    rows === undefined ? undefined : i64(rows),
    nodes && structs(...nodes),
    buffers && structs(...buffers),
    ...more,
  );

/** One encapsulated message and the lengths a footer block gives for it. */
export interface Encoded {
  bytes: Uint8Array;
  metaLength: number;
  bodyLength: number;
}

const concat = (...parts: Array<Uint8Array | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => [...p]));
const le32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];

/**
 * An encapsulated message: 0xFFFFFFFF, the metadata length, the Message flatbuffer padded to 8,
 * then `body` (or that many zero bytes). `metaLength`/`bodyLength` override what is written
 * (a null `bodyLength` leaves the field out); `legacy` leaves out the continuation marker.
 */
export const message = (
  type: number | undefined,
  header: Flat | undefined,
  body: Uint8Array | number = 0,
  opts: { bodyLength?: number | null; metaLength?: number; legacy?: boolean; metadata?: Flat } = {},
): Encoded => {
  const data = typeof body === "number" ? new Uint8Array(body) : body;
  const bodyLength = opts.bodyLength === undefined ? data.length : opts.bodyLength;
  const length = bodyLength === null ? undefined : i64(bodyLength);
  const typeField = type === undefined ? undefined : u8(type);
  const meta = flatBuffer(table(u16(4), typeField, header, length, opts.metadata));
  const padded = concat(meta, new Uint8Array((8 - (meta.length % 8)) % 8));
  const prefix = opts.legacy ? [] : le32(-1);
  const bytes = concat(prefix, le32(opts.metaLength ?? padded.length), padded, data);
  return { bytes, metaLength: prefix.length + 4 + padded.length, bodyLength: data.length };
};

/** A stream: the messages back to back, then `tail` (by default the end-of-stream marker). */
export const stream = (messages: Encoded[], tail: number[] = [...le32(-1), 0, 0, 0, 0]) =>
  concat(...messages.map((m) => m.bytes), tail);

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

/** A file around `footer` (a Footer flatbuffer) after `head` (the opening magic and messages). */
export const closeFile = (head: Uint8Array, footer: Uint8Array, footerLength = footer.length) =>
  concat(head, footer, le32(footerLength), MAGIC);

/** The opening magic and the messages, with each one's footer block [offset, meta, body]. */
export const fileHead = (messages: Encoded[]) => {
  let at = 8;
  const blocks = messages.map((m) => {
    const block = [at, m.metaLength, m.bodyLength];
    at += m.bytes.length;
    return block;
  });
  return { head: concat(MAGIC, [0, 0], ...messages.map((m) => m.bytes)), blocks };
};

/** A Footer flatbuffer: version, schema, dictionary blocks, record batch blocks, metadata. */
export const footer = (
  schemaTable: Flat | undefined,
  dictionaries: number[][] | undefined,
  batches: number[][] | undefined,
  metadata?: Flat,
) =>
  flatBuffer(
    table(
      u16(4),
      schemaTable,
      dictionaries && structs(...dictionaries),
      batches && structs(...batches),
      metadata,
    ),
  );

/** A whole file: the schema, its dictionary batches and record batches, blocks as written. */
export const arrowFile = (schemaTable: Flat, batches: Encoded[], dictionaries: Encoded[] = []) => {
  const { head, blocks } = fileHead([...dictionaries, ...batches]);
  const split = dictionaries.length;
  return closeFile(head, footer(schemaTable, blocks.slice(0, split), blocks.slice(split)));
};

/** The same bytes at a non-zero offset of a larger buffer. */
export const shifted = (bytes: Uint8Array): Uint8Array => {
  const padded = new Uint8Array(bytes.length + 3);
  padded.set(bytes, 3);
  return padded.subarray(3);
};

/** Expects the check to pass on `bytes`, also when they sit at an offset in a larger buffer. */
export const passes = (bytes: Uint8Array): void => {
  expect(() => checkArrowStructure(bytes)).not.toThrow();
  expect(() => checkArrowStructure(shifted(bytes))).not.toThrow();
};

/** Expects the check to refuse `bytes` (also shifted) with a StructureError saying `reason`. */
export const refuses = (bytes: Uint8Array, reason: string): void => {
  for (const input of [bytes, shifted(bytes)]) throwsStructure(() => checkArrowStructure(input), reason);
};

/** A stream of a schema with `fields` and one record batch (`batch`, its `body`). */
export const batchStream = (fields: Flat[], batch: Flat, body: Uint8Array | number = 0) =>
  stream([message(HEADER.Schema, schema(...fields)), message(HEADER.RecordBatch, batch, body)]);
