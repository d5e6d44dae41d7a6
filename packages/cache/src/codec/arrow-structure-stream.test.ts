// The Arrow stream format and the encapsulated message: continuation marker or not, metadata
// and body lengths at their exact edges, header types, and which schema a record batch meets.
import { describe, it } from "vitest";
import {
  HEADER,
  int32Field,
  listField,
  message,
  passes,
  recordBatch,
  refuses,
  schema,
  stream,
} from "./__fixtures__/arrow-bytes";
import { raw, str, table, tables } from "./__fixtures__/flat-bytes";

const EOS = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
const ints = schema(int32Field);
const intSchema = message(HEADER.Schema, ints);
const listSchema = message(HEADER.Schema, schema(listField));
/** A record batch of `rows` int32 values with `valueBytes` bytes of values. */
const intBatch = (rows: number, valueBytes: number) =>
  recordBatch(
    rows,
    [[rows, 0]],
    [
      [0, 0],
      [0, valueBytes],
    ],
  );
const batch = (rows: number, valueBytes = rows * 4, legacy = false) =>
  message(HEADER.RecordBatch, intBatch(rows, valueBytes), valueBytes, { legacy });
/** Three rows in 11 bytes: too short for int32, fine for the generic checks. */
const short = batch(3, 11);
const dictionary = (data: ReturnType<typeof table> | undefined, body = 0) =>
  message(HEADER.DictionaryBatch, table(undefined, data), body);

describe("checkArrowStructure on the stream format", () => {
  it("passes an empty stream and stops at the end-of-stream marker or where 4 bytes are left", () => {
    passes(new Uint8Array(0));
    passes(Uint8Array.from([1, 2, 3]));
    passes(stream([intSchema, batch(2)]));
    passes(stream([intSchema, batch(2)], [0, 0, 0, 0]));
    passes(stream([intSchema, batch(2)], []));
    passes(stream([intSchema, batch(2)], [9, 9, 9]));
    refuses(stream([intSchema, batch(2)], [1, 0, 0, 0]), "message metadata overruns the file");
    passes(stream([intSchema], [...EOS, ...short.bytes]));
    passes(stream([intSchema], [0, 0, 0, 0, 1, 0, 0, 0]));
  });

  it("reads messages with and without the continuation marker", () => {
    const legacySchema = message(HEADER.Schema, ints, 0, { legacy: true });
    passes(stream([legacySchema, batch(2, 8, true)], []));
    refuses(stream([legacySchema, batch(3, 11, true)], []), "value buffer too short");
  });

  it("needs the metadata inside the bytes, ending at the end at most", () => {
    const exact = message(HEADER.Schema, ints);
    passes(stream([exact], []));
    const over = message(HEADER.Schema, ints, 0, { metaLength: exact.metaLength - 7 });
    refuses(stream([over], []), "message metadata overruns the file");
    const legacy = message(HEADER.Schema, ints, 0, { legacy: true });
    passes(stream([legacy], []));
    const legacyOver = message(HEADER.Schema, ints, 0, {
      legacy: true,
      metaLength: legacy.metaLength - 3,
    });
    refuses(stream([legacyOver], []), "message metadata overruns the file");
    refuses(
      stream([message(HEADER.Schema, ints, 0, { metaLength: -2 })]),
      "message metadata overruns the file",
    );
  });

  it("needs the body inside the bytes, ending at the end at most", () => {
    passes(stream([intSchema, batch(2)], []));
    const over = message(HEADER.RecordBatch, intBatch(2, 8), 8, { bodyLength: 9 });
    refuses(stream([intSchema, over], []), "message body overruns the file");
    const negative = message(HEADER.RecordBatch, intBatch(0, 0), 0, { bodyLength: -1 });
    refuses(stream([intSchema, negative]), "message body overruns the file");
    // Without a bodyLength the body is empty and the next message follows the metadata.
    const bodiless = message(HEADER.Schema, ints, 0, { bodyLength: null });
    passes(stream([bodiless, batch(2)]));
    refuses(stream([bodiless, short]), "value buffer too short");
  });

  it("needs a known header type and a header, and its metadata in bounds", () => {
    refuses(stream([message(undefined, ints)]), "unknown message type 0");
    refuses(stream([message(7, ints)]), "unknown message type 7");
    refuses(stream([message(HEADER.Schema, undefined)]), "message without header");
    const entry = tables(table(str("key"), str("value")));
    passes(stream([message(HEADER.Schema, ints, 0, { metadata: entry })]));
    refuses(
      stream([message(HEADER.Schema, ints, 0, { metadata: raw(50, []) })]),
      "vector of 50 elements overruns its region",
    );
  });

  it("checks each record batch against the latest schema, and before any only generically", () => {
    passes(stream([short]));
    refuses(stream([intSchema, short]), "value buffer too short");
    refuses(stream([intSchema, batch(2), short]), "value buffer too short");
    refuses(stream([intSchema, batch(2), batch(1), short]), "value buffer too short");
    passes(stream([intSchema, listSchema, short]));
    refuses(stream([listSchema, intSchema, short]), "value buffer too short");
  });

  it("checks dictionary batches generically, each against its own body", () => {
    passes(stream([intSchema, dictionary(undefined), batch(2)]));
    passes(stream([intSchema, dictionary(intBatch(3, 11), 11), batch(2)]));
    refuses(
      stream([intSchema, dictionary(intBatch(3, 11), 10)]),
      "buffer runs past the message body",
    );
    refuses(
      stream([intSchema, dictionary(recordBatch(2000, [], []))]),
      "row count 2000 exceeds what the body holds",
    );
    refuses(stream([intSchema, dictionary(undefined), short]), "value buffer too short");
  });
});
