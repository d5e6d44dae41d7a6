import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./__fixtures__/temp-dir";
import { makeDirs } from "./make-dirs";

const tempDir = useTempDirs();

describe("makeDirs", () => {
  it("creates every missing level", async () => {
    const dir = join(await tempDir(), "a", "b", "c");
    await makeDirs(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });

  it("leaves an existing folder as it is", async () => {
    const dir = join(await tempDir(), "a");
    await mkdir(dir);
    await writeFile(join(dir, "keep"), "x");
    await makeDirs(dir);
    expect((await stat(join(dir, "keep"))).isFile()).toBe(true);
  });

  it("fails with ENOTDIR naming the kind of file in the way", async () => {
    const file = join(await tempDir(), "f");
    await writeFile(file, "x");
    const error = await makeDirs(file).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "ENOTDIR",
      message: `${file} is a regular file, not a directory`,
    });
  });

  it("passes on the ENOTDIR of a path below a file", async () => {
    const file = join(await tempDir(), "f");
    await writeFile(file, "x");
    const below = join(file, "a", "b");
    await expect(makeDirs(below)).rejects.toMatchObject({
      code: "ENOTDIR",
      syscall: "stat",
      path: below,
    });
  });

  it("passes on an error other than ENOENT from stat", async () => {
    const dir = join(await tempDir(), "x".repeat(300), "a");
    await expect(makeDirs(dir)).rejects.toMatchObject({ code: "ENAMETOOLONG", syscall: "stat" });
  });

  it("passes on the error of a level that cannot be created (procfs refuses new entries)", async () => {
    await expect(makeDirs("/proc/peak-cache-test/a")).rejects.toMatchObject({
      code: "ENOENT",
      syscall: "mkdir",
      path: "/proc/peak-cache-test",
    });
  });

  it("lets concurrent calls create the same folders", async () => {
    const dir = join(await tempDir(), "a", "b", "c", "d");
    await Promise.all([makeDirs(dir), makeDirs(dir), makeDirs(dir)]);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});
