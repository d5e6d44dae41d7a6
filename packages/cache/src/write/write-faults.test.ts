import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempFilesIn, useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "../read/atomic-read";
import { atomicWrite } from "./atomic-write";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem, type CacheWriteHandle } from "../shared/file-system";

const tempDir = useTempDirs();

// A disk with `capacity` bytes left: writes are cut short there, then fail with ENOSPC.
// With `lie`, the write reports success for bytes it dropped (the bug seen in npm peers).
const fullDisk = (capacity: number, lie = false): Partial<CacheFileSystem> => ({
  openExclusive: async (path, mode) => {
    const real = await nodeFileSystem.openExclusive(path, mode);
    let left = capacity;
    const handle: CacheWriteHandle = {
      write: async (buffer, offset, length, position) => {
        const allowed = Math.min(length, left);
        if (allowed === 0 && !lie)
          throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        left -= allowed;
        const { bytesWritten } = await real.write(buffer, offset, allowed, position);
        return { bytesWritten: lie ? length : bytesWritten };
      },
      sync: () => real.sync(),
      stat: () => real.stat(),
      close: () => real.close(),
    };
    return handle;
  },
});

const expectOldIntact = async (dir: string, path: string) => {
  expect(await readFile(path, "utf8")).toBe("good data");
  expect(
    new TextDecoder().decode(await atomicRead(path, { verifyChecksum: true, format: "bytes" })),
  ).toBe("good data");
  expect(await tempFilesIn(dir)).toEqual([]);
};

describe("atomicWrite on a full disk", () => {
  it.each([
    ["a write that ends in ENOSPC", false],
    ["a write that claims bytes it dropped", true],
  ])("fails %s and keeps the old file and sidecar", async (_name, lie) => {
    const dir = await tempDir();
    const path = join(dir, "cache.bin");
    await atomicWrite("good data", path, { checksum: true });
    const error: unknown = await atomicWrite("x".repeat(100_000), path, {
      checksum: true,
      fileSystem: fullDisk(4096, lie),
    }).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).context.path).toBe(path);
    expect((error as CacheWriteError).context.errorCode).toBe(lie ? "SHORT_WRITE" : "ENOSPC");
    await expectOldIntact(dir, path);
  });
});

const mountedTmpfs = new Set<string>();
afterEach(() => {
  for (const dir of mountedTmpfs) execFileSync("umount", [dir]);
  mountedTmpfs.clear();
});

const tryMountTinyTmpfs = (dir: string): boolean => {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    mountedTmpfs.add(dir);
    return true;
  } catch {
    return false;
  }
};

describe("atomicWrite on a real 64 KiB tmpfs (injected ENOSPC where mounting is not allowed)", () => {
  it("fails with ENOSPC and keeps the old file and sidecar", async () => {
    const dir = await tempDir();
    const mounted = tryMountTinyTmpfs(dir);
    const path = join(dir, "cache.bin");
    await atomicWrite("good data", path, { checksum: true });
    const fileSystem = mounted ? {} : fullDisk(60_000);
    const error: unknown = await atomicWrite(new Uint8Array(200_000).fill(7), path, {
      checksum: true,
      fileSystem,
    }).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).context.errorCode).toBe("ENOSPC");
    await expectOldIntact(dir, path);
  });
});
