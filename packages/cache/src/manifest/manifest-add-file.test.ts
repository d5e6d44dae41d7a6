import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();

describe("CacheManifest#addFile paths", () => {
  it("takes a path relative to dir, and hints at it when given one relative to the cwd", async () => {
    const root = await tempDir();
    // Deeper than the cwd, so the cwd-relative path's `..`s cannot climb back to the same file.
    const dir = join(root, ...Array<string>(16).fill("d"), "cache");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "BTC-1h.parquet"), "bytes");
    const manifest = CacheManifest.create({ dir, runId: "run-1" });
    await expect(manifest.addFile("BTC-1h.parquet")).resolves.toMatchObject({
      path: "BTC-1h.parquet",
    });
    const fromCwd = relative(process.cwd(), join(dir, "BTC-1h.parquet"));
    const error = await manifest.addFile(fromCwd).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ConfigError",
      hint: `A relative path is relative to the manifest folder ${dir}, not the working directory: pass "BTC-1h.parquet"`,
    });
  });
});
