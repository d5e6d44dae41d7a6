import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { CacheCorruptionError } from "@peak/errors";
import { tableFromBytes, tableToBytes } from "../table-bytes";
import { decodeParquet } from "../parquet-codec";
import { arrowToTable } from "../arrow-table";
import { checkParquetStructure } from "../parquet-structure";
import { list, num, sub, type ThriftStruct } from "../thrift-compact";
import { snappyCompress } from "./snappy-compress";
import { snappyDecompress } from "./snappy-decompress";
import { writeParquetDirect } from "./parquet-direct-write";
import { readParquetDirect } from "./parquet-direct-read";

const bars = (rows: number) => {
  const start = Date.UTC(2024, 0, 1);
  return aq.table({
    timestamp: Float64Array.from({ length: rows }, (_, i) => start + i * 60_000),
    close: Float64Array.from({ length: rows }, (_, i) => 100 + Math.sin(i)),
    volume: Float64Array.from({ length: rows }, (_, i) => 1000 + (i % 10)),
    trades: Int32Array.from({ length: rows }, (_, i) => i % 7),
    ratio: Float32Array.from({ length: rows }, (_, i) => (i % 8) / 4),
  });
};

// What parquet-wasm (arrow-rs) reads from the same bytes, bypassing the direct reader.
const viaArrowRs = async (bytes: Uint8Array) =>
  arrowToTable((await decodeParquet(bytes)).ipc, "number", new Set());

const codecs = (bytes: Uint8Array) =>
  (list(checkParquetStructure(bytes).footer, 4) as ThriftStruct[]).flatMap((group) =>
    (list(group, 1) as ThriftStruct[]).map((chunk) => num(sub(chunk, 3), 4)),
  );

describe("snappy", () => {
  it("round-trips empty, short, repetitive and incompressible input", () => {
    for (const n of [0, 1, 14, 15, 16, 100, 70_000, 300_000]) {
      for (const gen of [(i: number) => (i * 7919) & 255, (i: number) => i % 13, () => 0]) {
        const input = Uint8Array.from({ length: n }, (_, i) => gen(i));
        const back = snappyDecompress(snappyCompress(input), n);
        expect(Buffer.from(back).equals(input), `length ${n}`).toBe(true);
      }
    }
  });

  it("refuses a stream whose copy points before the start or whose length is wrong", () => {
    expect(() => snappyDecompress(Uint8Array.of(4, 0x02 | (3 << 2), 9, 0), 4)).toThrow(/copy/);
    expect(() => snappyDecompress(snappyCompress(Uint8Array.of(1, 2, 3)), 4)).toThrow(/length/);
  });
});

describe("direct Parquet codec", () => {
  it("writes typed-array columns that arrow-rs reads back with the same values and types", async () => {
    const table = bars(3000);
    const bytes = await tableToBytes(table, "parquet");
    const back = await viaArrowRs(bytes);
    for (const name of table.columnNames()) {
      expect(Array.from(back.array(name) as ArrayLike<number>)).toEqual(
        Array.from(table.array(name) as ArrayLike<number>),
      );
    }
    const direct = await tableFromBytes(bytes, "parquet");
    expect(direct.column("trades")).toBeInstanceOf(Int32Array);
    expect(direct.column("ratio")).toBeInstanceOf(Float32Array);
    expect(direct.array("timestamp")).toEqual(table.array("timestamp"));
  });

  it("snappy-compresses only the columns it shrinks to a quarter", async () => {
    const bytes = await tableToBytes(bars(100_000), "parquet");
    // timestamp and close do not shrink that much; volume, trades and ratio repeat enough to.
    expect(codecs(bytes)).toEqual([0, 0, 1, 1, 1]);
    expect(
      codecs(await tableToBytes(bars(100_000), "parquet", { compression: "uncompressed" })),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it("splits more than 2^20 rows into row groups", async () => {
    const rows = 1024 * 1024 + 5;
    const bytes = await tableToBytes(bars(rows), "parquet", { compression: "uncompressed" });
    expect(list(checkParquetStructure(bytes).footer, 4)).toHaveLength(2);
    expect((await tableFromBytes(bytes, "parquet")).array("close")).toEqual(
      bars(rows).array("close"),
    );
  });

  it("reads uncompressed one-group columns in place, and copies when the bytes sit unaligned", async () => {
    const table = bars(5000);
    const bytes = await tableToBytes(table, "parquet", { compression: "uncompressed" });
    const inPlace = await tableFromBytes(bytes, "parquet");
    for (const name of ["close", "volume", "trades", "ratio"]) {
      const values = inPlace.column(name) as unknown as Float64Array;
      expect([name, values.buffer === bytes.buffer]).toEqual([name, true]);
      expect(Array.from(values)).toEqual(Array.from(table.array(name) as ArrayLike<number>));
    }
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const copied = await tableFromBytes(shifted, "parquet");
    expect((copied.column("close") as unknown as Float64Array).buffer).not.toBe(shifted.buffer);
    expect(copied.objects()).toEqual(table.objects());
  });

  it("keeps an int64 column int64 and a timestamp column a timestamp through a read and write", async () => {
    const plain = (values: number[]) =>
      new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer);
    const file = writeParquetDirect(
      [
        { name: "ts", kind: "timestamp-ms-utc", plain: plain([Date.UTC(2024, 0, 1), 5]) },
        { name: "count", kind: "int64", plain: plain([2 ** 53 - 1, -7]) },
      ],
      2,
      "uncompressed",
      new Map(),
    );
    const table = await tableFromBytes(file, "parquet");
    expect(table.objects()).toEqual([
      { ts: Date.UTC(2024, 0, 1), count: 2 ** 53 - 1 },
      { ts: 5, count: -7 },
    ]);
    const again = checkParquetStructure(await tableToBytes(table, "parquet")).footer;
    const leaves = (list(again, 2) as ThriftStruct[]).slice(1);
    expect(leaves.map((leaf) => [num(leaf, 1), sub(leaf, 10) !== undefined])).toEqual([
      [2, true],
      [2, false],
    ]);
  });

  it("leaves tables with nulls, strings or Dates to the general path", async () => {
    const table = aq.table({ timestamp: [Date.UTC(2024, 0, 1), null], close: [1.5, null] });
    const back = await tableFromBytes(await tableToBytes(table, "parquet"), "parquet");
    expect(back.objects()).toEqual(table.objects());
    const { footer } = checkParquetStructure(await tableToBytes(table, "parquet"));
    expect(
      readParquetDirect(await tableToBytes(table, "parquet"), footer, new Set()),
    ).toBeUndefined();
  });

  it("reports a damaged page as corruption", async () => {
    const bytes = await tableToBytes(bars(2000), "parquet");
    const { footer } = checkParquetStructure(bytes);
    const meta = sub((list(list(footer, 4)[0] as ThriftStruct, 1) as ThriftStruct[])[2], 3)!;
    const damaged = bytes.slice();
    damaged.fill(0xff, num(meta, 9) + 20, num(meta, 9) + 60); // inside volume's snappy page
    await expect(tableFromBytes(damaged, "parquet")).rejects.toBeInstanceOf(CacheCorruptionError);
  });
});
