import { checkKeyValues, schemaLayouts, type ColumnLayout } from "./arrow-layout";
import { check, FlatView, supported } from "./flatbuffer-view";

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const HEADER = { Schema: 1, DictionaryBatch: 2, RecordBatch: 3 };

interface Buffer {
  offset: number;
  length: number;
}

const hasMagic = (bytes: Uint8Array, at: number) => MAGIC.every((b, i) => bytes[at + i] === b);

// Checks one top-level column's node and buffers; returns how many buffers it used.
const checkColumn = (
  layout: ColumnLayout,
  rows: number,
  nulls: number,
  buffers: Buffer[],
  body: DataView,
): number => {
  if (layout.kind === "null") return 0;
  const [validity, first, second] = buffers;
  check(validity !== undefined && first !== undefined, "too few buffers for the columns");
  if (nulls > 0) check(validity.length * 8 >= rows, "validity bitmap shorter than the column");
  if (layout.kind === "bits") check(first.length * 8 >= rows, "boolean buffer too short");
  if (layout.kind === "fixed") check(first.length >= rows * layout.width, "value buffer too short");
  if (layout.kind !== "var") return 2;
  check(second !== undefined, "too few buffers for a string column");
  if (rows === 0) return 3;
  const w = layout.offsetWidth;
  check(first.length >= (rows + 1) * w, "offsets buffer too short");
  const read = (i: number) =>
    w === 4
      ? body.getInt32(first.offset + i * 4, true)
      : Number(body.getBigInt64(first.offset + i * 8, true));
  let previous = read(0);
  check(previous >= 0, "negative string offset");
  for (let i = 1; i <= rows; i += 1) {
    const next = read(i);
    check(next >= previous, "string offsets go backwards");
    previous = next;
  }
  check(previous <= second.length, "string offsets run past the data buffer");
  return 3;
};

const checkRecordBatch = (
  view: FlatView,
  batch: number,
  body: { start: number; length: number },
  layouts: ColumnLayout[] | undefined,
) => {
  const lengthAt = view.field(batch, 0);
  const rows = lengthAt === undefined ? 0 : view.i64(lengthAt);
  check(rows >= 0, `negative row count ${rows}`);
  const nodesAt = view.field(batch, 1);
  const buffersAt = view.field(batch, 2);
  const nodeVec = nodesAt === undefined ? { first: 0, length: 0 } : view.vector(nodesAt, 16);
  const bufVec = buffersAt === undefined ? { first: 0, length: 0 } : view.vector(buffersAt, 16);
  const nodes = Array.from({ length: nodeVec.length }, (_, i) => {
    const node = {
      rows: view.i64(nodeVec.first + i * 16),
      nulls: view.i64(nodeVec.first + i * 16 + 8),
    };
    check(node.rows >= 0 && node.nulls >= 0 && node.nulls <= node.rows, "bad field node");
    return node;
  });
  const buffers = Array.from({ length: bufVec.length }, (_, i) => {
    const buffer = {
      offset: view.i64(bufVec.first + i * 16),
      length: view.i64(bufVec.first + i * 16 + 8),
    };
    check(buffer.offset >= 0 && buffer.length >= 0, "negative buffer offset or length");
    check(buffer.offset + buffer.length <= body.length, "buffer runs past the message body");
    return buffer;
  });
  supported(view.field(batch, 3) === undefined, "compressed record batches are not supported");
  const variadicAt = view.field(batch, 4);
  if (variadicAt !== undefined) view.vector(variadicAt, 8);
  if (layouts === undefined) {
    // Nested columns: bound every node by the batch and the batch by the bytes it could hold.
    check(rows <= Math.max(8 * body.length, 1024), `row count ${rows} exceeds what the body holds`);
    check(
      nodes.every((n) => n.rows <= 8 * body.length + rows),
      "field node longer than its data",
    );
    return;
  }
  check(nodes.length >= layouts.length, "fewer field nodes than columns");
  const bodyView = new DataView(view.bytes.buffer, view.bytes.byteOffset + body.start, body.length);
  let next = 0;
  layouts.forEach((layout, i) => {
    const node = nodes[i]!;
    check(node.rows === rows, "column length differs from the batch length");
    next += checkColumn(layout, rows, node.nulls, buffers.slice(next), bodyView);
  });
};

// Checks one encapsulated message at `pos` (continuation, metadata length, flatbuffer, body).
const checkMessage = (
  bytes: Uint8Array,
  pos: number,
  end: number,
  layouts: ColumnLayout[] | undefined,
): { next: number; layouts?: ColumnLayout[] | undefined } | undefined => {
  const outer = new FlatView(bytes, pos, end);
  let length = outer.i32(pos);
  let metaStart = pos + 4;
  if (length === -1) [length, metaStart] = [outer.i32(pos + 4), pos + 8];
  if (length === 0) return undefined; // end-of-stream marker
  check(length > 0 && metaStart + length <= end, "message metadata overruns the file");
  const view = new FlatView(bytes, metaStart, metaStart + length);
  const message = view.root();
  const typeAt = view.field(message, 1);
  const type = typeAt === undefined ? 0 : view.u8(typeAt);
  const headerAt = view.field(message, 2);
  const bodyAt = view.field(message, 3);
  const bodyLength = bodyAt === undefined ? 0 : view.i64(bodyAt);
  const body = { start: metaStart + length, length: bodyLength };
  check(bodyLength >= 0 && body.start + bodyLength <= end, "message body overruns the file");
  check(headerAt !== undefined, "message without header");
  const header = view.deref(headerAt);
  checkKeyValues(view, message, 4);
  const next = body.start + bodyLength;
  if (type === HEADER.Schema) return { next, layouts: schemaLayouts(view, header) };
  if (type === HEADER.RecordBatch) checkRecordBatch(view, header, body, layouts);
  else if (type === HEADER.DictionaryBatch) {
    const dataAt = view.field(header, 1);
    if (dataAt !== undefined) checkRecordBatch(view, view.deref(dataAt), body, undefined);
  } else check(false, `unknown message type ${type}`);
  return { next };
};

const checkFile = (bytes: Uint8Array) => {
  const size = bytes.length;
  check(size >= 18 && hasMagic(bytes, size - 6), "Arrow file without its closing magic");
  const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getInt32(size - 10, true);
  const footerStart = size - 10 - footerLength;
  check(footerLength > 0 && footerStart >= 8, `footer length ${footerLength} out of range`);
  const view = new FlatView(bytes, footerStart, size - 10);
  const footer = view.root();
  const schemaAt = view.field(footer, 1);
  check(schemaAt !== undefined, "footer without schema");
  const layouts = schemaLayouts(view, view.deref(schemaAt));
  checkKeyValues(view, footer, 4);
  for (const [field, isDictionary] of [
    [2, true],
    [3, false],
  ] as const) {
    const at = view.field(footer, field);
    if (at === undefined) continue;
    const blocks = view.vector(at, 24);
    for (let i = 0; i < blocks.length; i += 1) {
      const block = blocks.first + i * 24;
      const offset = view.i64(block);
      const metaLength = view.i32(block + 8);
      const bodyLength = view.i64(block + 16);
      check(offset >= 8 && metaLength > 0 && bodyLength >= 0, "bad block in the footer");
      check(offset + metaLength + bodyLength <= footerStart, "block runs past the footer");
      checkMessage(bytes, offset, footerStart, isDictionary ? undefined : layouts);
    }
  }
};

const checkStream = (bytes: Uint8Array) => {
  let layouts: ColumnLayout[] | undefined;
  let seenSchema = false;
  for (let pos = 0; pos + 4 <= bytes.length; ) {
    const result = checkMessage(bytes, pos, bytes.length, seenSchema ? layouts : undefined);
    if (result === undefined) return;
    if ("layouts" in result) [layouts, seenSchema] = [result.layouts, true];
    pos = result.next;
  }
};

/**
 * Checks the structure of Arrow IPC bytes (file or stream format) before any decoder sees
 * them: magic, footer length and blocks, every message's metadata and body length, and, for
 * flat columns, that each buffer lies inside its body and is long enough for the row count
 * (string offsets included). Cost is linear in the file size and allocates nothing large.
 *
 * @throws {StructureError} naming the first problem.
 */
export const checkArrowStructure = (bytes: Uint8Array): void => {
  if (bytes.length >= 8 && hasMagic(bytes, 0)) checkFile(bytes);
  else checkStream(bytes);
};
