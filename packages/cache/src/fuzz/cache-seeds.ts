import * as aq from "arquero";
import { tableToBytes } from "../codec/table-bytes";

/** A seed file our writer produced, and how to decode it. */
export interface CacheSeed {
  name: string;
  format: "parquet" | "arrow";
  bytes: Uint8Array;
}

const bars = (rows: number, withText: boolean) => {
  const start = Date.UTC(2024, 0, 1);
  const close = Array.from({ length: rows }, (_, i) => 100 + Math.sin(i / 9) * 3);
  return aq.table({
    timestamp: close.map((_, i) => start + i * 3_600_000),
    open: close.map((c) => c - 0.2),
    high: close.map((c) => c + 0.5),
    low: close.map((c) => c - 0.5),
    close,
    volume: close.map((_, i) => (i % 5 === 0 ? null : i * 10)),
    ...(withText ? { symbol: close.map((_, i) => ["BTC", "ETH", "SOL"][i % 3]!) } : {}),
  });
};

/** Seed files in every format and compression our writer produces, small enough to fuzz fast. */
export const cacheSeeds = async (): Promise<CacheSeed[]> => {
  const seeds: CacheSeed[] = [];
  for (const [rows, text] of [
    [0, false],
    [1, true],
    [24, false],
    [200, true],
  ] as const) {
    const table = bars(rows, text);
    seeds.push({
      name: `arrow-${rows}`,
      format: "arrow",
      bytes: await tableToBytes(table, "arrow"),
    });
    for (const compression of ["snappy", "zstd", "uncompressed"] as const) {
      const bytes = await tableToBytes(table, "parquet", { compression });
      seeds.push({ name: `parquet-${compression}-${rows}`, format: "parquet", bytes });
    }
  }
  return seeds;
};
