import { truncateSync, unlinkSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isCacheCorruptionError, isPeakTradeError } from "@peak/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "./atomic-read";
import { readOnce } from "./read-once";
import { atomicWrite } from "../write/atomic-write";
import { CacheWriteError } from "../shared/cache-write-error";
import { settleWithin, SPECIAL_KINDS, useSpecialFiles } from "./__fixtures__/special-files";

const tempDir = useTempDirs();
const special = useSpecialFiles();

// Load the hashing WebAssembly once, so the 1 s deadlines below measure the readers only.
beforeAll(async () => {
  const dir = await tempDir();
  await atomicWrite("warm", join(dir, "w.bin"), { checksum: true });
  await atomicRead(join(dir, "w.bin"), { verifyChecksum: true });
}, 60_000);

const caught = (work: Promise<unknown>): Promise<unknown> =>
  settleWithin(work.then(() => undefined));

describe.each(SPECIAL_KINDS)("atomicRead of a %s", (kind) => {
  it("fails with a CacheCorruptionError naming the path and its type", async () => {
    const path = await special(kind, join(await tempDir(), "bars.arrow"));
    const error = await caught(atomicRead(path));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect((error as { context: Record<string, unknown> }).context).toMatchObject({ path });
    expect((error as Error).message).toMatch(/not a regular file/);
  });

  it("fails the same way as the sidecar of a checked read", async () => {
    const dir = await tempDir();
    await atomicWrite("data", join(dir, "d.bin"));
    await special(kind, join(dir, "d.bin.sha256"));
    const error = await caught(atomicRead(join(dir, "d.bin"), { verifyChecksum: true }));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect(JSON.stringify((error as { context: unknown }).context)).toContain("d.bin.sha256");
  });
});

describe.each(SPECIAL_KINDS)("atomicWrite onto a %s", (kind) => {
  it("fails with a CacheWriteError and leaves it in place", async () => {
    const path = await special(kind, join(await tempDir(), "out.bin"));
    const error = await caught(atomicWrite("x", path));
    // A symlink to /dev/zero is replaced like any symlink: the link, never the device.
    if (kind === "dev-zero") expect(error).toBeUndefined();
    else expect(CacheWriteError.isInstance(error)).toBe(true);
  });

  it("fails with a typed error when the old sidecar is one", async () => {
    const dir = await tempDir();
    await special(kind, join(dir, "out.bin.sha256"));
    const error = await caught(atomicWrite("x", join(dir, "out.bin"), { checksum: true }));
    expect(isPeakTradeError(error)).toBe(true);
  });
});

describe("atomicWrite onto devices and procfs", () => {
  it("refuses /dev/zero itself", async () => {
    expect(CacheWriteError.isInstance(await caught(atomicWrite("x", "/dev/zero")))).toBe(true);
  });

  it("fails fast under /proc, where a recursive mkdir never returns", async () => {
    const error = await caught(atomicWrite("x", "/proc/peak-no-such/dir/file.bin"));
    expect(CacheWriteError.isInstance(error)).toBe(true);
  });
});

describe("a file that changes while it is read", () => {
  const bigFile = async () => {
    const path = join(await tempDir(), "big.bin");
    await writeFile(path, Buffer.alloc(64 * 1024, 7));
    return path;
  };

  it("is refused when truncated mid-read", async () => {
    const path = await bigFile();
    const error = await caught(readOnce(path, () => truncateSync(path, 10), 4096));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect((error as Error).message).toMatch(/shrank while being read/);
  });

  it("is read completely when unlinked mid-read (the descriptor keeps the version)", async () => {
    const path = await bigFile();
    let gone = false;
    const { bytes } = await readOnce(path, () => void (gone ||= (unlinkSync(path), true)), 4096);
    expect(bytes.length).toBe(64 * 1024);
  });
});
