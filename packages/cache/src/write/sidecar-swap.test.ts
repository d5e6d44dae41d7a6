import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFilesIn, useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "../read/atomic-read";
import { atomicWrite } from "./atomic-write";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem } from "../shared/file-system";

const tempDir = useTempDirs();
const text = async (path: string) =>
  new TextDecoder().decode(await atomicRead(path, { verifyChecksum: true, format: "bytes" }));

// Fails the n-th rename (1-based) of one write, as if the process died right before it.
const dieBeforeRename = (n: number): Partial<CacheFileSystem> => {
  let count = 0;
  return {
    rename: async (from, to) => {
      count += 1;
      if (count === n) throw Object.assign(new Error("simulated crash"), { code: "EIO" });
      await nodeFileSystem.rename(from, to);
    },
  };
};

describe("the data/sidecar swap", () => {
  it("serves the old data when the write dies between the sidecar and data renames", async () => {
    const path = join(await tempDir(), "v.bin");
    await atomicWrite("old", path, { checksum: true });
    const error: unknown = await atomicWrite("new", path, {
      checksum: true,
      fileSystem: dieBeforeRename(2),
    }).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((await readFile(`${path}.sha256`, "utf8")).trim().split("\n")).toHaveLength(2);
    expect(await text(path)).toBe("old");
    expect(await tempFilesIn(join(path, ".."))).toEqual([]);
  });

  it("serves the new data when the write dies before the final sidecar rewrite", async () => {
    const path = join(await tempDir(), "v.bin");
    await atomicWrite("old", path, { checksum: true });
    await atomicWrite("new", path, { checksum: true, fileSystem: dieBeforeRename(3) }).catch(
      () => undefined,
    );
    expect(await readFile(path, "utf8")).toBe("new");
    expect(await text(path)).toBe("new");
    expect(await tempFilesIn(join(path, ".."))).toEqual([]);
  });

  it("keeps a verifiable pair when switching algorithms dies half way", async () => {
    const path = join(await tempDir(), "v.bin");
    await atomicWrite("old", path, { checksum: "sha256" });
    for (const n of [2, 3]) {
      await atomicWrite(`new${n}`, path, {
        checksum: "xxh3",
        fileSystem: dieBeforeRename(n),
      }).catch(() => undefined);
      expect(await text(path)).toBe(await readFile(path, "utf8"));
    }
  });
});
