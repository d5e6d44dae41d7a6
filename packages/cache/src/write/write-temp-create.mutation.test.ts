import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem } from "../shared/file-system";
import { writeTemp } from "./write-temp";

const tempDir = useTempDirs();
const bytes = Uint8Array.of(1, 2, 3);

// The real file system, whose first `clashes` exclusive creates fail with `code`.
const clashing = (clashes: number, code = "EEXIST") => {
  const tried: string[] = [];
  const fs: CacheFileSystem = {
    ...nodeFileSystem,
    openExclusive: async (path, mode) => {
      tried.push(path);
      if (tried.length > clashes) return nodeFileSystem.openExclusive(path, mode);
      throw Object.assign(new Error(`${code}: injected`), { code });
    },
  };
  return { fs, tried };
};

const failure = async (run: Promise<unknown>) => {
  const error: unknown = await run.catch((e: unknown) => e);
  expect(CacheWriteError.isInstance(error)).toBe(true);
  return error as CacheWriteError;
};

describe("writeTemp's exclusive create", () => {
  it("tries a new name after a clash, up to five names", async () => {
    const target = join(await tempDir(), "x.bin");
    const { fs, tried } = clashing(4);
    const { tempPath } = await writeTemp(fs, target, bytes, undefined, 0o666);
    expect(tried).toHaveLength(5);
    expect(new Set(tried).size).toBe(5);
    expect(tempPath).toBe(tried[4]);
  });

  it("gives up after five clashes", async () => {
    const target = join(await tempDir(), "x.bin");
    const { fs, tried } = clashing(5);
    const error = await failure(writeTemp(fs, target, bytes, undefined, 0o666));
    expect(tried).toHaveLength(5);
    expect(error.message).toBe(`Cannot create a temporary file beside ${target}`);
    expect(error.context).toEqual({ path: target, errorCode: "EEXIST" });
    expect((error.cause as { code: string }).code).toBe("EEXIST");
  });

  it("does not retry another error", async () => {
    const target = join(await tempDir(), "x.bin");
    const { fs, tried } = clashing(1, "EACCES");
    const error = await failure(writeTemp(fs, target, bytes, undefined, 0o666));
    expect(tried).toHaveLength(1);
    expect(error.context.errorCode).toBe("EACCES");
  });

  it("names the fix in its hint", async () => {
    const target = join(await tempDir(), "x.bin");
    const { fs } = clashing(1, "EACCES");
    const error = await failure(writeTemp(fs, target, bytes, undefined, 0o666));
    expect(error.hint).toBe(
      "Free disk space or fix permissions, then write again; the previous file is untouched",
    );
  });
});
