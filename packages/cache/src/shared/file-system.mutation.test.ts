import { mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useTempDirs } from "./__fixtures__/temp-dir";
import { nodeFileSystem, resolveFileSystem, sleep, syncDirOn, unlinkQuietly } from "./file-system";

const tempDir = useTempDirs();

describe("nodeFileSystem", () => {
  it("creates a file exclusively, writable, with the given mode", async () => {
    const path = join(await tempDir(), "f");
    const handle = await nodeFileSystem.openExclusive(path, 0o640);
    await handle.write(Uint8Array.of(65, 66), 0, 2, 0);
    await handle.sync();
    expect((await handle.stat()).size).toBe(2);
    await handle.close();
    expect(await readFile(path, "utf8")).toBe("AB");
    expect((await stat(path)).mode & 0o777).toBe(0o640 & ~process.umask());
    await expect(nodeFileSystem.openExclusive(path, 0o640)).rejects.toMatchObject({
      code: "EEXIST",
    });
  });

  it("fsyncs a folder, and fails for a missing one", async () => {
    const dir = await tempDir();
    await expect(nodeFileSystem.syncDir(dir)).resolves.toBeUndefined();
    await expect(nodeFileSystem.syncDir(join(dir, "missing"))).rejects.toMatchObject({
      code: "ENOENT",
    });
  });

  it("renames, and passes on a failed rename at once", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a"), "x");
    await nodeFileSystem.rename(join(dir, "a"), join(dir, "b"));
    expect(await readFile(join(dir, "b"), "utf8")).toBe("x");
    await expect(nodeFileSystem.rename(join(dir, "a"), join(dir, "c"))).rejects.toMatchObject({
      code: "ENOENT",
    });
  });

  it("creates folders like mkdir -p", async () => {
    const dir = join(await tempDir(), "a", "b");
    await nodeFileSystem.mkdir(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });

  it("reads a small file, or gives undefined when it is missing", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "s"), "small");
    expect(await nodeFileSystem.readSmall(join(dir, "s"))).toBe("small");
    expect(await nodeFileSystem.readSmall(join(dir, "missing"))).toBeUndefined();
  });

  it("calls the file it refuses to read a sidecar", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "folder"));
    await expect(nodeFileSystem.readSmall(join(dir, "folder"))).rejects.toThrow(
      `Sidecar ${join(dir, "folder")} is a directory, not a regular file`,
    );
  });

  it("tells whether anything is at a path, a dangling symlink included", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "f"), "x");
    await symlink(join(dir, "nowhere"), join(dir, "dangling"));
    expect(await nodeFileSystem.exists(join(dir, "f"))).toBe(true);
    expect(await nodeFileSystem.exists(join(dir, "dangling"))).toBe(true);
    expect(await nodeFileSystem.exists(join(dir, "missing"))).toBe(false);
    await expect(nodeFileSystem.exists(join(dir, "f", "below"))).rejects.toMatchObject({
      code: "ENOTDIR",
    });
  });
});

describe("resolveFileSystem", () => {
  it("is the real file system without an override", () => {
    expect(resolveFileSystem()).toBe(nodeFileSystem);
  });

  it("fills the gaps of an override with the real calls", () => {
    const unlink = async () => undefined;
    const fs = resolveFileSystem({ unlink });
    expect(fs.unlink).toBe(unlink);
    expect(fs.rename).toBe(nodeFileSystem.rename);
  });
});

describe("unlinkQuietly", () => {
  it("removes a file and ignores one already gone", async () => {
    const path = join(await tempDir(), "f");
    await writeFile(path, "x");
    await unlinkQuietly(nodeFileSystem, path);
    await expect(unlinkQuietly(nodeFileSystem, path)).resolves.toBeUndefined();
    await expect(stat(path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("passes on other errors", async () => {
    const dir = join(await tempDir(), "folder");
    await mkdir(dir);
    await expect(unlinkQuietly(nodeFileSystem, dir)).rejects.toHaveProperty("code");
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});

describe("the Node wiring", () => {
  it("sleep resolves only once its timer has run", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const waiting = sleep(50).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(49);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("syncDir opens nothing on Windows (a missing folder passes) and fsyncs elsewhere", async () => {
    const dir = await tempDir();
    const missing = join(dir, "missing");
    await expect(syncDirOn("win32")(missing)).resolves.toBeUndefined();
    await expect(syncDirOn("linux")(missing)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(syncDirOn("linux")(dir)).resolves.toBeUndefined();
  });
});
