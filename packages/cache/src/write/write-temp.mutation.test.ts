import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { pattern } from "../shared/__fixtures__/bytes";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem, type CacheWriteHandle } from "../shared/file-system";
import { writeTemp } from "./write-temp";

const tempDir = useTempDirs();
const HINT = "Free disk space or fix permissions, then write again; the previous file is untouched";
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

// The real file system; `handle` may replace methods of each real handle it opens.
const withHandle = (
  handle: (real: CacheWriteHandle) => Partial<CacheWriteHandle>,
  extra: Partial<CacheFileSystem> = {},
): CacheFileSystem => ({
  ...nodeFileSystem,
  openExclusive: async (path, mode) => {
    const real = await nodeFileSystem.openExclusive(path, mode);
    return {
      write: (...a) => real.write(...a),
      sync: () => real.sync(),
      stat: () => real.stat(),
      close: () => real.close(),
      ...handle(real),
    };
  },
  ...extra,
});

const failure = async (run: Promise<unknown>) => {
  const error: unknown = await run.catch((e: unknown) => e);
  expect(CacheWriteError.isInstance(error)).toBe(true);
  expect((error as CacheWriteError).hint).toBe(HINT);
  return error as CacheWriteError;
};

describe("writeTemp", () => {
  it("writes every byte to a hidden temp file beside the target and returns the digest", async () => {
    const target = join(await tempDir(), "a.bin");
    const bytes = pattern(3 * 1024 * 1024 + 17);
    const seen: number[] = [];
    const hash = async (b: Uint8Array) => (seen.push(b.length), "cafe");
    const { tempPath, hex } = await writeTemp(nodeFileSystem, target, bytes, hash, 0o640);
    expect(dirname(tempPath)).toBe(dirname(target));
    expect(basename(tempPath).startsWith(".a.bin.peaktmp-")).toBe(true);
    expect(hex).toBe("cafe");
    expect(seen).toEqual([bytes.length]);
    expect(Buffer.compare(await readFile(tempPath), bytes)).toBe(0);
    expect((await stat(tempPath)).mode & 0o777).toBe(0o640 & ~process.umask());
  });

  it("writes an empty file and gives no digest without a hasher", async () => {
    const target = join(await tempDir(), "e.bin");
    const { tempPath, hex } = await writeTemp(
      nodeFileSystem,
      target,
      new Uint8Array(),
      undefined,
      0o666,
    );
    expect(hex).toBeUndefined();
    expect((await stat(tempPath)).size).toBe(0);
  });

  it("continues a short write where it stopped", async () => {
    const target = join(await tempDir(), "s.bin");
    const bytes = pattern(10_000);
    const calls: number[][] = [];
    const fs = withHandle((real) => ({
      write: (buffer, offset, length, position) => {
        calls.push([offset, position]);
        return real.write(buffer, offset, Math.min(length, 3000), position);
      },
    }));
    const { tempPath } = await writeTemp(fs, target, bytes, undefined, 0o666);
    expect(Buffer.compare(await readFile(tempPath), bytes)).toBe(0);
    expect(calls).toEqual([
      [0, 0],
      [3000, 3000],
      [6000, 6000],
      [9000, 9000],
    ]);
  });

  it("treats a write of zero bytes as a full disk and removes the temp file", async () => {
    const dir = await tempDir();
    const target = join(dir, "z.bin");
    const fs = withHandle(() => ({ write: async () => ({ bytesWritten: 0 }) }));
    const error = await failure(writeTemp(fs, target, pattern(100), undefined, 0o666));
    expect(error.message).toBe(`No space left while writing ${target}`);
    expect(error.context).toEqual({ path: target, errorCode: "SHORT_WRITE" });
    expect(Object.hasOwn(error, "cause")).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it("checks the size on disk after writing", async () => {
    const dir = await tempDir();
    const target = join(dir, "t.bin");
    const fs = withHandle(() => ({ stat: async () => ({ size: 99 }) }));
    const error = await failure(writeTemp(fs, target, pattern(100), undefined, 0o666));
    expect(error.message).toBe(`Short write: 99 of 100 bytes reached ${target}`);
    expect(error.context).toEqual({ path: target, errorCode: "SHORT_WRITE" });
    expect(await readdir(dir)).toEqual([]);
  });

  it("wraps a failed fsync with its errno code and cause", async () => {
    const dir = await tempDir();
    const target = join(dir, "f.bin");
    const cause = errno("EIO");
    const fs = withHandle(() => ({ sync: async () => Promise.reject(cause) }));
    const error = await failure(writeTemp(fs, target, pattern(100), undefined, 0o666));
    expect(error.message).toBe(`fsync failed for ${target}`);
    expect(error.context).toEqual({ path: target, errorCode: "EIO" });
    expect(error.cause).toBe(cause);
    expect(await readdir(dir)).toEqual([]);
  });

  it("wraps a failing hasher as UNKNOWN after the write settled, and removes the temp file", async () => {
    const dir = await tempDir();
    const target = join(dir, "h.bin");
    const cause = new Error("hash broke");
    const error = await failure(
      writeTemp(nodeFileSystem, target, pattern(100), async () => Promise.reject(cause), 0o666),
    );
    expect(error.message).toBe(`Cannot write ${target}`);
    expect(error.context).toEqual({ path: target, errorCode: "UNKNOWN" });
    expect(error.cause).toBe(cause);
    expect(await readdir(dir)).toEqual([]);
  });

  it("throws the write's failure when the hasher fails too", async () => {
    const target = join(await tempDir(), "b.bin");
    const fs = withHandle(() => ({ sync: async () => Promise.reject(errno("EIO")) }));
    const error = await failure(
      writeTemp(fs, target, pattern(100), async () => Promise.reject(new Error("hash")), 0o666),
    );
    expect(error.message).toBe(`fsync failed for ${target}`);
  });

  it("wraps a failed close and still removes the temp file", async () => {
    const dir = await tempDir();
    const target = join(dir, "c.bin");
    const cause = errno("EBADF");
    let closes = 0;
    const fs = withHandle((real) => ({
      close: async () => {
        closes += 1;
        await real.close().catch(() => undefined);
        throw cause;
      },
    }));
    const error = await failure(writeTemp(fs, target, pattern(10), undefined, 0o666));
    expect(error.message).toBe(`Cannot write ${target}`);
    expect(error.context).toEqual({ path: target, errorCode: "EBADF" });
    expect(closes).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it("throws the write's error even when removing the temp file fails", async () => {
    const target = join(await tempDir(), "u.bin");
    const fs = withHandle(() => ({ write: async () => ({ bytesWritten: 0 }) }), {
      unlink: async () => Promise.reject(errno("EPERM")),
    });
    const error = await failure(writeTemp(fs, target, pattern(10), undefined, 0o666));
    expect(error.context.errorCode).toBe("SHORT_WRITE");
  });
});
