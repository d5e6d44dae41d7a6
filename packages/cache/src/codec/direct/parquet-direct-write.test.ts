import { describe, expect, it } from "vitest";
import { checkParquetStructure } from "../parquet-structure";
import { CompactReader, list, num, sub, text, type ThriftStruct } from "../thrift-compact";
import type { DirectColumn } from "./direct-columns";
import { writeParquetDirect } from "./parquet-direct-write";

const f64 = (values: number[]) => new Uint8Array(Float64Array.from(values).buffer);
const double = (name: string, values: number[]): DirectColumn => ({
  name,
  kind: "double",
  plain: f64(values),
});
const structs = (s: ThriftStruct | undefined, id: number) => list(s, id) as ThriftStruct[];
const chunksOf = (footer: ThriftStruct) => structs(footer, 4).flatMap((group) => structs(group, 1));
const pageHeader = (bytes: Uint8Array, at: number) => {
  const reader = new CompactReader(bytes, at, bytes.length);
  return { header: reader.struct(), body: reader.pos };
};

describe("writeParquetDirect: the footer", () => {
  it("describes a flat schema of OPTIONAL leaves, the rows, the writer and the key/values", () => {
    const ts: DirectColumn = {
      name: "ts",
      kind: "timestamp-ms-utc",
      plain: new Uint8Array(BigInt64Array.of(1n, 2n).buffer),
    };
    const file = writeParquetDirect(
      [ts, double("close", [1, 2])],
      2,
      "uncompressed",
      new Map([["k", "v"]]),
    );
    expect(Buffer.from(file.subarray(0, 4)).toString()).toBe("PAR1");
    expect(Buffer.from(file.subarray(-4)).toString()).toBe("PAR1");
    const { footer } = checkParquetStructure(file);
    expect([num(footer, 1), num(footer, 3), text(footer, 6)]).toEqual([1, 2, "@peak/cache"]);
    const [root, ...leaves] = structs(footer, 2);
    expect([text(root, 4), num(root, 5)]).toEqual(["schema", 2]);
    expect(leaves.map((l) => [num(l, 1), num(l, 3), text(l, 4), num(l, 6, -1)])).toEqual([
      [2, 1, "ts", 9],
      [5, 1, "close", -1],
    ]);
    const stamp = sub(sub(leaves[0], 10), 8);
    expect(stamp?.get(1)).toBe(true);
    expect(sub(sub(stamp, 2), 1)).toEqual(new Map());
    expect(leaves[1]!.has(10)).toBe(false);
    expect(structs(footer, 5).map((kv) => [text(kv, 1), text(kv, 2)])).toEqual([["k", "v"]]);
  });

  it("gives each column chunk its type, encodings, path, codec, counts, sizes and offset", () => {
    const file = writeParquetDirect(
      [double("a", [1, 2, 3]), double("b", [4, 5, 6])],
      3,
      "uncompressed",
      new Map(),
    );
    const { footer } = checkParquetStructure(file);
    const [group] = structs(footer, 4);
    let end = 4;
    for (const [c, chunk] of chunksOf(footer).entries()) {
      const meta = sub(chunk, 3)!;
      const at = num(meta, 9);
      expect(num(chunk, 2)).toBe(at);
      const { header, body } = pageHeader(file, at);
      const size = 6 + 24;
      expect([num(header, 1), num(header, 2), num(header, 3)]).toEqual([0, size, size]);
      const data = sub(header, 5);
      expect([1, 2, 3, 4].map((id) => num(data, id))).toEqual([3, 0, 3, 3]);
      expect(Array.from(file.subarray(body, body + 6))).toEqual([2, 0, 0, 0, 6, 1]);
      expect((body + 6) % 8).toBe(0);
      expect(
        new Float64Array(Uint8Array.from(file.subarray(body + 6, body + size)).buffer),
      ).toEqual(Float64Array.from(c === 0 ? [1, 2, 3] : [4, 5, 6]));
      expect(num(meta, 1)).toBe(5);
      expect(list(meta, 2)).toEqual([0, 3]);
      expect(list(meta, 3).map((p) => Buffer.from(p as Uint8Array).toString())).toEqual([
        c === 0 ? "a" : "b",
      ]);
      expect([num(meta, 4), num(meta, 5)]).toEqual([0, 3]);
      expect(num(meta, 6)).toBe(body - at + size);
      expect(num(meta, 7)).toBe(body - at + size);
      expect(at - end).toBeLessThan(8);
      end = at + num(meta, 7);
    }
    // The group starts right after the magic, so its size holds the first chunk's alignment.
    expect([num(group, 2), num(group, 3)]).toEqual([end - 4, 3]);
  });

  it("writes the definition levels of any row count as one RLE run of 1s", () => {
    for (const [rows, run] of [
      [1, [2, 1]],
      [63, [126, 1]],
      [64, [0x80, 0x01, 1]],
      [8192, [0x80, 0x80, 0x01, 1]],
    ] as [number, number[]][]) {
      const file = writeParquetDirect(
        [double("x", Array(rows).fill(0.5))],
        rows,
        "uncompressed",
        new Map(),
      );
      const meta = sub(chunksOf(checkParquetStructure(file).footer)[0], 3)!;
      const { header, body } = pageHeader(file, num(meta, 9));
      expect(Array.from(file.subarray(body, body + 4 + run.length)), `${rows}`).toEqual([
        run.length,
        0,
        0,
        0,
        ...run,
      ]);
      expect(num(header, 2)).toBe(4 + run.length + 8 * rows);
      expect((body + 4 + run.length) % 8).toBe(0);
    }
  });
});

describe("writeParquetDirect: compression and row groups", () => {
  const codec = (file: Uint8Array) =>
    chunksOf(checkParquetStructure(file).footer).map((chunk) => num(sub(chunk, 3), 4));

  it("snappy-compresses a chunk whose first 64 KiB shrink to a quarter or less", () => {
    const rows = 20_000;
    const constant = double("constant", Array(rows).fill(7));
    const noisy = double(
      "noisy",
      Array.from({ length: rows }, (_, i) => Math.sin(i)),
    );
    // The first 64 KiB (8,192 values) decide: noise there keeps a chunk plain, noise after it does not.
    const late = double(
      "late",
      Array.from({ length: rows }, (_, i) => (i < 8_192 ? 7 : Math.sin(i))),
    );
    const early = double(
      "early",
      Array.from({ length: rows }, (_, i) => (i < 8_192 ? Math.sin(i) : 7)),
    );
    const file = writeParquetDirect([constant, noisy, late, early], rows, "snappy", new Map());
    expect(codec(file)).toEqual([1, 0, 1, 0]);
    expect(codec(writeParquetDirect([constant], rows, "uncompressed", new Map()))).toEqual([0]);
    const meta = sub(chunksOf(checkParquetStructure(file).footer)[0], 3)!;
    const { header, body } = pageHeader(file, num(meta, 9));
    expect(num(header, 2)).toBe(4 + 4 + 8 * rows);
    expect(num(header, 3)).toBeLessThan(num(header, 2) / 4);
    expect(num(meta, 7)).toBe(body - num(meta, 9) + num(header, 3));
    expect(num(meta, 6)).toBe(body - num(meta, 9) + num(header, 2));
  });

  it("puts no alignment bytes before a compressed page", () => {
    const rows = 10_000;
    const a = double("a", Array(rows).fill(1));
    const b = double("b", Array(rows).fill(2));
    const file = writeParquetDirect([a, b], rows, "snappy", new Map());
    const [first, second] = chunksOf(checkParquetStructure(file).footer).map((c) => sub(c, 3)!);
    expect(num(first, 9)).toBe(4);
    expect(num(second, 9)).toBe(4 + num(first, 7));
  });

  it("writes 2^20 rows per row group, the last one holding the rest", () => {
    const rows = 2 ** 20 + 3;
    const file = writeParquetDirect(
      [double("x", Array(rows).fill(1))],
      rows,
      "uncompressed",
      new Map(),
    );
    const groups = structs(checkParquetStructure(file).footer, 4);
    expect(groups.map((g) => num(g, 3))).toEqual([2 ** 20, 3]);
    const [, last] = chunksOf(checkParquetStructure(file).footer).map((c) => sub(c, 3)!);
    expect(num(last, 5)).toBe(3);
  });
});
