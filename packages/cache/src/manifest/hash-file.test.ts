import { createHash } from "node:crypto";
import { readdir, readlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { hashFile } from "./hash-file";

const tempDir = useTempDirs();

/** Paths this process has open, read from /proc/self/fd (Linux). */
const openPaths = async (): Promise<string[]> => {
  const fds = await readdir("/proc/self/fd");
  const targets = await Promise.all(
    fds.map((fd) => readlink(join("/proc/self/fd", fd)).catch(() => "")),
  );
  return targets;
};

describe("hashFile", () => {
  it("hashes a file of several 1 MiB chunks and a partial one", async () => {
    const path = join(await tempDir(), "big.bin");
    const bytes = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31) % 251;
    await writeFile(path, bytes);
    expect(await hashFile(path)).toEqual({
      hex: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.length,
    });
  });

  it("closes the file it read", async () => {
    const path = join(await tempDir(), "a.bin");
    await writeFile(path, "alpha");
    await hashFile(path);
    expect(await openPaths()).not.toContain(path);
  });

  it("names the file a manifest entry when it cannot be opened", async () => {
    // Write-only even for root on Linux.
    await expect(hashFile("/proc/sys/vm/drop_caches")).rejects.toMatchObject({
      name: "CacheCorruptionError",
      message: "Cannot open manifest entry /proc/sys/vm/drop_caches: permission denied",
    });
  });
});
