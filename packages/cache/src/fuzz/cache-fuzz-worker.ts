// Worker entry of the cache fuzz suite (bundled by the test and by `pnpm fuzz`).
import { tableFromBytes } from "../codec/table-bytes";
import { serveFuzzCases } from "./fuzz-worker-loop";
import { cacheSeeds } from "./cache-seeds";

interface CachePayload {
  format: "parquet" | "arrow";
  bytes: Uint8Array;
}

await serveFuzzCases<CachePayload>(
  async ({ format, bytes }) => {
    const table = await tableFromBytes(bytes, format);
    // The table must be usable: every column readable, as a caller would read it.
    for (const name of table.columnNames()) table.array(name);
  },
  async () => {
    for (const seed of (await cacheSeeds()).slice(0, 4))
      await tableFromBytes(seed.bytes, seed.format);
  },
);
