import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256sumFailures, tempFilesIn, useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "../read/atomic-read";
import { CacheMissError } from "../shared/cache-miss-error";
import { atomicWrite } from "./atomic-write";
import { cleanup } from "./cleanup";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem } from "../shared/file-system";

const tempDir = useTempDirs();
const read = async (path: string, verifyChecksum: boolean | "sha256" | "xxh3" = true) =>
  new TextDecoder().decode(await atomicRead(path, { verifyChecksum, format: "bytes" }));
const crash = () => Object.assign(new Error("simulated crash"), { code: "EIO" });

// Fails the n-th call (1-based) of one file-system operation, as if the process died right there.
const dieAt = (operation: "rename" | "unlink" | "syncDir", n: number): Partial<CacheFileSystem> => {
  let count = 0;
  const real = nodeFileSystem[operation] as (...args: string[]) => Promise<void>;
  return {
    [operation]: async (...args: string[]) => {
      count += 1;
      if (count === n) throw crash();
      await real(...args);
    },
  };
};

// After a crash and cleanup: nothing of ours left over, and every sidecar lists its data's digest.
const expectRepaired = async (dir: string) => {
  await cleanup(dir);
  expect(await tempFilesIn(dir)).toEqual([]);
  expect((await readdir(dir)).filter((n) => n.endsWith(".peaklock"))).toEqual([]);
  expect(await sha256sumFailures(dir)).toEqual([]);
};

describe("the data/sidecar swap", () => {
  it("serves the old data when a rewrite dies between the sidecar and data renames", async () => {
    const path = join(await tempDir(), "v.bin");
    await atomicWrite("old", path, { checksum: true });
    const error: unknown = await atomicWrite("new", path, {
      checksum: true,
      fileSystem: dieAt("rename", 2),
    }).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((await readFile(`${path}.sha256`, "utf8")).trim().split("\n")).toHaveLength(2);
    expect(await read(path)).toBe("old");
    await expectRepaired(join(path, ".."));
    expect(await read(path)).toBe("old");
  });

  it("serves the new data when a rewrite dies before the final sidecar rewrite", async () => {
    const path = join(await tempDir(), "v.bin");
    await atomicWrite("old", path, { checksum: true });
    await atomicWrite("new", path, { checksum: true, fileSystem: dieAt("rename", 3) }).catch(
      () => undefined,
    );
    expect(await read(path)).toBe("new");
    await expectRepaired(join(path, ".."));
  });

  it("shows a first write that dies before its data rename as a miss, never as corruption", async () => {
    const dir = await tempDir();
    const path = join(dir, "v.bin");
    await atomicWrite("first", path, { checksum: true, fileSystem: dieAt("rename", 2) }).catch(
      () => undefined,
    );
    expect(await readdir(dir)).toEqual(["v.bin.sha256"]); // the sidecar is published first
    await expect(read(path)).rejects.toSatisfy(CacheMissError.isInstance);
    await expectRepaired(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it("serves a verified pair when a first write dies right after its data rename", async () => {
    const dir = await tempDir();
    const path = join(dir, "v.bin");
    await atomicWrite("first", path, { checksum: true, fileSystem: dieAt("syncDir", 2) }).catch(
      () => undefined,
    );
    expect(await read(path)).toBe("first");
    await expectRepaired(dir);
  });

  it.each([
    ["before the data rename", dieAt("rename", 2), "old"],
    ["before the new algorithm's sidecar", dieAt("rename", 3), "new"],
    ["before the old algorithm's sidecar is removed", dieAt("unlink", 1), "new"],
  ])(
    "keeps every sidecar true when an algorithm switch dies %s",
    async (_when, fileSystem, expected) => {
      const dir = await tempDir();
      const path = join(dir, "v.bin");
      await atomicWrite("old", path, { checksum: "sha256" });
      await atomicWrite("new", path, { checksum: "xxh3", fileSystem }).catch(() => undefined);
      expect(await read(path)).toBe(expected);
      expect(await read(path, "sha256")).toBe(expected); // the old .sha256 lists both digests
      await expectRepaired(dir);
      expect(await read(path)).toBe(expected);
    },
  );
});
