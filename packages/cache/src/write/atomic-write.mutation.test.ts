import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { sha256 } from "../shared/__fixtures__/bytes";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem } from "../shared/file-system";
import { atomicWrite } from "./atomic-write";

const tempDir = useTempDirs();
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const caught = (run: Promise<unknown>) => run.catch((e: unknown) => e) as Promise<never>;
type Typed = { message: string; hint?: string; context: Record<string, unknown>; cause?: unknown };

describe("atomicWrite's arguments", () => {
  it.each([
    ["an empty path", ""],
    ["a non-string path", 42],
  ])("rejects %s", async (_label, path) => {
    const error: Typed = await caught(atomicWrite("x", path as never));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe("atomicWrite needs a file path");
    expect(error.hint).toBe("Pass a non-empty string path");
    expect(error.context).toEqual({ path: String(path) });
  });

  it("rejects a value it cannot store", async () => {
    const path = join(await tempDir(), "a.bin");
    const error: Typed = await caught(atomicWrite(123 as never, path));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe(`atomicWrite cannot store this value at ${path}`);
    expect(error.hint).toBe("Pass an arquero table, a Uint8Array/Buffer or a string");
    expect(error.context).toEqual({ path, format: "bytes", type: "number" });
  });

  it("rejects a table bound for a bytes file", async () => {
    const path = join(await tempDir(), "a.bin");
    const error: Typed = await caught(atomicWrite(ohlcvTable(2), path));
    expect(error.hint).toBe(
      'Tables need a .parquet or .arrow path, or format: "parquet" | "arrow"',
    );
    expect(error.context).toMatchObject({ format: "bytes", type: "object" });
  });
});

describe("atomicWrite", () => {
  it("stores a string as UTF-8 and a Uint8Array as it is, at an absolute path", async () => {
    const dir = await tempDir();
    const text = await atomicWrite("grüße", join(dir, "t.txt"));
    expect(await readFile(join(dir, "t.txt"), "utf8")).toBe("grüße");
    expect(text).toEqual({ path: join(dir, "t.txt"), size: 7 });
    const bytes = Uint8Array.of(0, 255, 7);
    await atomicWrite(bytes, relative(process.cwd(), join(dir, "b.bin")));
    expect([...(await readFile(join(dir, "b.bin")))]).toEqual([0, 255, 7]);
  });

  it("encodes a table by the path's extension", async () => {
    const path = join(await tempDir(), "t.parquet");
    const result = await atomicWrite(ohlcvTable(3), path);
    const head = (await readFile(path)).subarray(0, 4).toString("latin1");
    expect(head).toBe("PAR1");
    expect(result.size).toBe((await readFile(path)).length);
  });

  it("creates missing folders", async () => {
    const path = join(await tempDir(), "a", "b", "c.bin");
    await atomicWrite("x", path);
    expect(await readFile(path, "utf8")).toBe("x");
  });

  it("reports the digest and sidecar it wrote", async () => {
    const path = join(await tempDir(), "d.bin");
    const result = await atomicWrite("data", path, { checksum: true });
    const hex = sha256(new TextEncoder().encode("data"));
    expect(result).toEqual({
      path,
      size: 4,
      checksum: { algorithm: "sha256", hex, sidecar: `${path}.sha256` },
    });
    expect(await readFile(`${path}.sha256`, "utf8")).toBe(`${hex}  d.bin\n`);
  });

  it("wraps a folder it cannot create", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    const path = join(dir, "file", "sub", "a.bin");
    const error: Typed = await caught(atomicWrite("x", path));
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Cannot create folder ${join(dir, "file", "sub")}`);
    expect(error.hint).toBe("Check the path and permissions");
    expect(error.context).toEqual({ path, errorCode: "ENOTDIR" });
    expect((error.cause as { code: string }).code).toBe("ENOTDIR");
  });

  it("calls a folder error without errno code UNKNOWN", async () => {
    const path = join(await tempDir(), "a.bin");
    const fileSystem = { mkdir: async () => Promise.reject(new Error("odd")) };
    const error: Typed = await caught(atomicWrite("x", path, { fileSystem }));
    expect(error.context).toEqual({ path, errorCode: "UNKNOWN" });
  });

  it("refuses to replace a directory", async () => {
    const path = join(await tempDir(), "d");
    await mkdir(path);
    const error: Typed = await caught(atomicWrite("x", path));
    expect(error.context).toMatchObject({ path, fileType: "directory" });
  });
});

describe("atomicWrite's clean-up after a failure", () => {
  it("removes the prepared sidecar temp when the data write fails", async () => {
    const dir = await tempDir();
    const fileSystem: Partial<CacheFileSystem> = {
      openExclusive: async (path, mode) => {
        const handle = await nodeFileSystem.openExclusive(path, mode);
        if (!path.includes(".sha256.")) {
          // The data file syncs only after the sidecar's temp file exists.
          handle.sync = async () => {
            while (!(await readdir(dir)).some((n) => n.includes(".sha256.")))
              await Promise.resolve();
            throw errno("EIO");
          };
        }
        return handle;
      },
    };
    const error: Typed = await caught(
      atomicWrite("x", join(dir, "a.bin"), { checksum: true, fileSystem }),
    );
    expect(error.context.errorCode).toBe("EIO");
    expect(await readdir(dir)).toEqual([]);
  });

  it("wraps a failed rename, naming its code, and removes both temp files", async () => {
    const dir = await tempDir();
    const path = join(dir, "a.bin");
    const cause = errno("EXDEV");
    const fileSystem = { rename: async () => Promise.reject(cause) };
    const error: Typed = await caught(atomicWrite("x", path, { checksum: true, fileSystem }));
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Cannot publish ${path}`);
    expect(error.hint).toBe(
      "Check free space and permissions; the previous file was kept unless the rename happened",
    );
    expect(error.context).toEqual({ path, errorCode: "EXDEV" });
    expect(error.cause).toBe(cause);
    expect(await readdir(dir)).toEqual([]);
  });

  it("calls a publish error without errno code UNKNOWN", async () => {
    const path = join(await tempDir(), "a.bin");
    const fileSystem = { syncDir: async () => Promise.reject(new Error("odd")) };
    const error: Typed = await caught(atomicWrite("x", path, { fileSystem }));
    expect(error.context).toEqual({ path, errorCode: "UNKNOWN" });
  });

  it("passes a typed lock failure through and leaves no temp file", async () => {
    const dir = await tempDir();
    const path = join(dir, "a.bin");
    await mkdir(join(dir, ".a.bin.peaklock"));
    await writeFile(
      join(dir, ".a.bin.peaklock", "owner-held"),
      JSON.stringify({ pid: process.pid }),
    );
    const lock = { timeoutMs: 0, sleep: async () => undefined };
    const error: Typed = await caught(atomicWrite("x", path, { checksum: true, lock }));
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error.context.errorCode).toBe("LOCK_TIMEOUT");
    expect((await readdir(dir)).filter((n) => n.includes("peaktmp"))).toEqual([]);
  });
});
