// The Arrow file format around the messages: both magics, the footer length, the footer's
// schema and metadata, and every footer block at its exact edge.
import { describe, expect, it } from "vitest";
import { CacheCorruptionError } from "@peak/errors";
import {
  arrowFile,
  closeFile,
  fileHead,
  footer,
  HEADER,
  int32Field,
  message,
  passes,
  recordBatch,
  refuses,
  schema,
} from "./__fixtures__/arrow-bytes";
import { raw, str, table, tables } from "./__fixtures__/flat-bytes";
import { decodeTable } from "./table-codec";

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
const ints = schema(int32Field);
/** A record batch of `rows` int32 values with `valueBytes` bytes of values. */
const batch = (rows: number, valueBytes = rows * 4) =>
  message(
    HEADER.RecordBatch,
    recordBatch(
      rows,
      [[rows, 0]],
      [
        [0, 0],
        [0, valueBytes],
      ],
    ),
    valueBytes,
  );

describe("checkArrowStructure on the file format", () => {
  it("passes a file with no messages, its footer right after the opening magic", () => {
    passes(closeFile(Uint8Array.from([...MAGIC, 0, 0]), footer(ints, undefined, undefined)));
    passes(closeFile(Uint8Array.from([...MAGIC, 0, 0]), footer(ints, [], [])));
  });

  it("tells a file by its opening magic from 8 bytes on, and needs the closing magic", () => {
    refuses(Uint8Array.from([...MAGIC, 0, 0]), "Arrow file without its closing magic");
    // Seven bytes are read as a stream: "ARRO" as a metadata length.
    refuses(Uint8Array.from([...MAGIC, 0]), "message metadata overruns the file");
    const good = arrowFile(ints, [batch(2)]);
    passes(good);
    const closing = good.slice();
    closing[closing.length - 1] = 0x32;
    refuses(closing, "Arrow file without its closing magic");
    const opening = good.slice();
    opening[5] = 0x32;
    refuses(opening, "message metadata overruns the file");
  });

  it("needs 18 bytes for a file and a footer length that leaves the opening magic whole", () => {
    const tail = (length: number) => [length, 0, 0, 0, ...MAGIC];
    refuses(
      Uint8Array.from([...MAGIC, 0, 0, 0, 0, 0, ...MAGIC]),
      "Arrow file without its closing magic",
    );
    refuses(Uint8Array.from([...MAGIC, 0, 0, ...tail(0)]), "footer length 0 out of range");
    const head = Uint8Array.from([...MAGIC, 0, 0]);
    const meta = footer(ints, [], []);
    refuses(
      closeFile(head, meta, meta.length + 1),
      `footer length ${meta.length + 1} out of range`,
    );
    refuses(closeFile(head, meta, -1), "footer length -1 out of range");
    refuses(closeFile(head, meta, 0), "footer length 0 out of range");
  });

  it("needs the footer's schema, and its metadata in bounds", () => {
    const head = Uint8Array.from([...MAGIC, 0, 0]);
    refuses(closeFile(head, footer(undefined, [], [])), "footer without schema");
    const entry = tables(table(str("key"), str("value")));
    passes(closeFile(head, footer(ints, [], [], entry)));
    refuses(
      closeFile(head, footer(ints, [], [], raw(9, []))),
      "vector of 9 elements overruns its region",
    );
  });

  it("checks every record batch block, not just the first", () => {
    passes(arrowFile(ints, [batch(2), batch(3)]));
    refuses(arrowFile(ints, [batch(2), batch(3, 11)]), "value buffer too short");
    refuses(arrowFile(ints, [batch(3, 11), batch(2)]), "value buffer too short");
  });

  it("checks dictionary blocks without the schema's column layouts", () => {
    // A short batch in the dictionary blocks gets the generic checks only.
    passes(arrowFile(ints, [batch(2)], [batch(3, 11)]));
    passes(arrowFile(ints, [batch(2)], [message(HEADER.DictionaryBatch, table())]));
    const negative = message(HEADER.DictionaryBatch, table(undefined, recordBatch(-1, [], [])));
    refuses(arrowFile(ints, [batch(2)], [negative]), "negative row count -1");
  });

  it("refuses a block before the opening magic's end or with a bad length", () => {
    const one = batch(2);
    const { head, blocks } = fileHead([one]);
    const [offset, meta, body] = blocks[0]!;
    const withBlock = (block: number[]) => closeFile(head, footer(ints, [], [block]));
    passes(withBlock([offset!, meta!, body!]));
    passes(withBlock([offset!, 1, body!]));
    refuses(withBlock([7, meta!, body!]), "bad block in the footer");
    refuses(withBlock([offset!, 0, body!]), "bad block in the footer");
    refuses(withBlock([offset!, -1, body!]), "bad block in the footer");
    refuses(withBlock([offset!, meta!, -1]), "bad block in the footer");
    refuses(withBlock([offset!, meta!, body! + 1]), "block runs past the footer");
    refuses(withBlock([offset!, meta! + 1, body!]), "block runs past the footer");
    refuses(
      closeFile(head, footer(ints, [[offset!, meta!, body! + 1]], [])),
      "block runs past the footer",
    );
  });

  it("surfaces as a CacheCorruptionError naming the file and the structure problem", async () => {
    const bytes = Uint8Array.from([...MAGIC, 0, 0, 0, 0, 0, 0, ...MAGIC]);
    const error = await decodeTable(bytes, "/cache/bars.arrow", "arrow", "number").catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CacheCorruptionError);
    expect((error as CacheCorruptionError).context).toEqual({
      path: "/cache/bars.arrow",
      format: "arrow",
      reason: "StructureError: footer length 0 out of range",
    });
  });
});
