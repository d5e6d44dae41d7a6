import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./__fixtures__/temp-dir";
import { CacheWriteError } from "./cache-write-error";
import { assertReplaceable } from "./replace-target";

const tempDir = useTempDirs();

describe("assertReplaceable", () => {
  it("allows a free path, a regular file and a symlink (even to a folder)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    await mkdir(join(dir, "folder"));
    await symlink(join(dir, "folder"), join(dir, "link"));
    for (const name of ["free", "file", "link"]) {
      await expect(assertReplaceable(join(dir, name))).resolves.toBeUndefined();
    }
  });

  it.each([
    ["directory", (path: string) => mkdir(path)],
    ["FIFO (named pipe)", async (path: string) => void execFileSync("mkfifo", [path])],
  ])("refuses a %s, naming the path and the kind", async (kind, make) => {
    const path = join(await tempDir(), "target");
    await make(path);
    const error = (await assertReplaceable(path).catch((e: unknown) => e)) as CacheWriteError;
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Cannot write ${path}: it is a ${kind}`);
    expect(error.hint).toBe("Write cache files to a path that is free or holds a regular file");
    expect(error.context).toEqual({ path, fileType: kind, errorCode: "ENOTREG" });
  });

  it("escapes control characters of the path in the message only", async () => {
    const path = join(await tempDir(), "a\u001bb");
    await mkdir(path);
    const error = (await assertReplaceable(path).catch((e: unknown) => e)) as CacheWriteError;
    expect(error.message).not.toContain("\u001b");
    expect(error.context.path).toBe(path);
  });

  it("passes on an lstat error other than ENOENT", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    await expect(assertReplaceable(join(dir, "file", "below"))).rejects.toMatchObject({
      code: "ENOTDIR",
      syscall: "lstat",
    });
  });
});
