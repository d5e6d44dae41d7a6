import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { tableFromBytes, tableToBytes } from "../codec/table-bytes";
import { atomicRead } from "../read/atomic-read";
import { atomicWrite } from "../write/atomic-write";
import { cleanup } from "../write/cleanup";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();

const rejection = async (run: () => Promise<unknown>) => {
  const error: unknown = await run().catch((e: unknown) => e);
  expect(isConfigError(error)).toBe(true);
  return error as { message: string; hint?: string; context: Record<string, unknown> };
};

describe("every @peak/cache options object rejects unknown keys", () => {
  it.each([
    [
      "atomicWrite",
      "chekcsum",
      "checksum",
      (d: string) => atomicWrite("x", join(d, "a"), { chekcsum: true } as never),
    ],
    [
      "atomicWrite lock",
      "timeoutMS",
      "timeoutMs",
      (d: string) => atomicWrite("x", join(d, "a"), { lock: { timeoutMS: 1 } } as never),
    ],
    [
      "atomicRead",
      "verifyChecksums",
      "verifyChecksum",
      (d: string) => atomicRead(join(d, "a"), { verifyChecksums: true } as never),
    ],
    ["cleanup", "olderThan", "olderThanMs", (d: string) => cleanup(d, { olderThan: 1 } as never)],
    [
      "CacheManifest.create",
      "runID",
      "runId",
      async (d: string) => CacheManifest.create({ dir: d, runID: "r" } as never),
    ],
    [
      "CacheManifest.load",
      "locks",
      "lock",
      (d: string) => CacheManifest.load(join(d, "m.json"), { locks: {} } as never),
    ],
    [
      "CacheManifest.addFile",
      "schemaVersoin",
      "schemaVersion",
      async (d: string) => {
        await writeFile(join(d, "a"), "a");
        return CacheManifest.create({ dir: d, runId: "r" }).addFile("a", {
          schemaVersoin: "v2",
        } as never);
      },
    ],
    [
      "CacheManifest.validate",
      "checksum",
      "checksums",
      (d: string) =>
        CacheManifest.create({ dir: d, runId: "r" }).validate({ checksum: false } as never),
    ],
    [
      "tableToBytes",
      "compresion",
      "compression",
      async () => tableToBytes(ohlcvTable(2), "arrow", { compresion: "zstd" } as never),
    ],
    [
      "tableFromBytes",
      "date",
      "dates",
      async () => tableFromBytes(new Uint8Array(), "arrow", { date: "date" } as never),
    ],
  ])("%s names `%s` and suggests `%s`", async (where, key, suggestion, run) => {
    const dir = await tempDir();
    const error = await rejection(() => run(dir));
    expect(error.message).toBe(`Unknown ${where} option \`${key}\``);
    expect(error.hint).toBe(`Did you mean \`${suggestion}\`?`);
    expect(error.context).toMatchObject({ option: key, where });
  });
});
