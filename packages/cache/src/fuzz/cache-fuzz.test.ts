import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleChild } from "../shared/__fixtures__/bundle-child";
import { bundleCacheFuzzWorker } from "./bundle-worker";
import { cacheSeeds } from "./cache-seeds";
import { fuzzCacheDecoder } from "./cache-fuzz";

const REGRESSION = fileURLToPath(
  new URL("../codec/__fixtures__/corrupt-footer.arrow", import.meta.url),
);

describe("corrupt-footer.arrow regression", () => {
  it("fails fast with a CacheCorruptionError in a child capped at 256 MB", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "peak-regression-"));
    try {
      const script = await bundleChild(
        outDir,
        new URL("../codec/__fixtures__/read-child.ts", import.meta.url),
      );
      const run = spawnSync(
        process.execPath,
        ["--max-old-space-size=256", script, REGRESSION, "arrow"],
        {
          encoding: "utf8",
          timeout: 10_000,
        },
      );
      expect(run.signal).toBeNull();
      expect(JSON.parse(run.stdout)).toMatchObject({
        outcome: "typed",
        code: "CACHE_CORRUPTION",
        context: { path: REGRESSION, format: "arrow" },
      });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("Parquet/Arrow decoder fuzz", () => {
  it("ends 2,000 damaged files within 2 s each with a table or a PeakTradeError", async () => {
    const { counts, bad } = await fuzzCacheDecoder({
      workerFile: await bundleCacheFuzzWorker(),
      seeds: await cacheSeeds(),
      cases: 2_000,
      seed: 13,
      extra: [{ name: "corrupt-footer", format: "arrow", bytes: await readFile(REGRESSION) }],
    });
    console.log(`cache fuzz: ${JSON.stringify(counts)}`);
    expect(bad).toEqual([]);
    expect(counts.cases).toBe(2_001);
    expect(counts.typed).toBeGreaterThan(0);
    expect(counts.parsed).toBeGreaterThan(0);
  }, 300_000);
});
