import { closeSync, constants, lstatSync, openSync, readdirSync } from "node:fs";
import { chmod, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isCacheCorruptionError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { failure, openDescriptors } from "./__fixtures__/outcome";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheMissError } from "../shared/cache-miss-error";
import { useSpecialFiles } from "./__fixtures__/special-files";
import { openRegular } from "./open-regular";

const tempDir = useTempDirs();
const special = useSpecialFiles();

const REGULAR_HINT = (what: string) =>
  `Point at a regular ${what} written by @peak/cache; FIFOs, sockets, devices and directories are refused`;

// Root reads any mode-000 file, but not a write-only sysfs attribute (open O_RDONLY: EACCES).
const unreadable = async (): Promise<string> => {
  if (process.getuid?.() === 0) return "/sys/bus/platform/drivers_probe";
  const path = join(await tempDir(), "locked.bin");
  await writeFile(path, "secret");
  await chmod(path, 0o000);
  return path;
};

// A block device this process may not open (EPERM under a device cgroup, EACCES for a non-root
// user), with the code open gave; else the unreadable regular file and EACCES. Only block devices:
// opening some character devices has effects (a watchdog arms on open).
const refusedDevice = async (): Promise<{ path: string; code: string }> => {
  for (const name of readdirSync("/dev")) {
    const path = join("/dev", name);
    const info = lstatSync(path);
    if (!info.isBlockDevice()) continue;
    try {
      closeSync(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
    } catch (error) {
      const { code } = error as { code?: string };
      if (code === "EACCES" || code === "EPERM") return { path, code };
    }
  }
  return { path: await unreadable(), code: "EACCES" };
};

describe("openRegular", () => {
  it("returns a readable descriptor with fstat's size and inode", async () => {
    const path = join(await tempDir(), "data.bin");
    await writeFile(path, "0123456789");
    const file = await openRegular(path);
    try {
      expect(file.size).toBe(10);
      expect(file.ino).toBe((await stat(path)).ino);
      expect((await file.handle.readFile()).toString("utf8")).toBe("0123456789");
    } finally {
      await file.handle.close();
    }
  });

  it("refuses a FIFO at once, naming it with the caller's word for the file", async () => {
    const path = await special("fifo", join(await tempDir(), "d.bin.sha256"));
    const error = await failure(openRegular(path, "Sidecar"));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect(error.message).toBe(`Sidecar ${path} is a FIFO (named pipe), not a regular file`);
    expect(error.hint).toBe(REGULAR_HINT("sidecar"));
    expect(error.context).toEqual({ path, fileType: "FIFO (named pipe)" });
  });

  it("refuses a directory with the default word and closes what it opened", async () => {
    const path = await special("directory", join(await tempDir(), "bars.arrow"));
    const before = await openDescriptors();
    const error = await failure(openRegular(path));
    expect(await openDescriptors()).toBe(before);
    expect(error.message).toBe(`Cache file ${path} is a directory, not a regular file`);
    expect(error.hint).toBe(REGULAR_HINT("cache file"));
    expect(error.context).toEqual({ path, fileType: "directory" });
  });

  it("refuses a unix socket (open fails with ENXIO) as a socket", async () => {
    const path = await special("socket", join(await tempDir(), "s.bin"));
    const error = await failure(openRegular(path, "Lock file"));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect(error.message).toBe(`Lock file ${path} is a socket, not a regular file`);
    expect(error.hint).toBe(REGULAR_HINT("lock file"));
    expect(error.context).toEqual({ path, fileType: "socket" });
  });

  it("refuses a character device", async () => {
    const error = await failure(openRegular("/dev/null"));
    expect(error.message).toBe("Cache file /dev/null is a character device, not a regular file");
    expect(error.context).toEqual({ path: "/dev/null", fileType: "character device" });
  });

  it("escapes control characters in the message but keeps the raw path in context", async () => {
    const path = await special("fifo", join(await tempDir(), "a\u001b[2Jb"));
    const error = await failure(openRegular(path));
    expect(error.message).toBe(
      `Cache file ${path.replace("\u001b", "\\u001b")} is a FIFO (named pipe), not a regular file`,
    );
    expect(error.context).toMatchObject({ path });
  });

  it.each([
    ["a missing file", (dir: string) => join(dir, "none.bin")],
    ["a path under a regular file (ENOTDIR)", (dir: string) => join(dir, "file.bin", "x.bin")],
  ])("raises CacheMissError for %s", async (_, at) => {
    const dir = await tempDir();
    await writeFile(join(dir, "file.bin"), "x");
    const path = at(dir);
    const error = await failure(openRegular(path, "Sidecar"));
    expect(CacheMissError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Sidecar not found: ${path}`);
    expect(error.hint).toBe("Build the cache entry first (atomicWrite), or check the path");
    expect(error.context).toEqual({ path });
    expect((error.cause as { code?: string }).code).toMatch(/^(ENOENT|ENOTDIR)$/);
  });

  it("reports other open failures with their errno code and the cause", async () => {
    const dir = await tempDir();
    const path = join(dir, "loop.bin");
    await symlink(path, path);
    const error = await failure(openRegular(path, "Sidecar"));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect(error.message).toBe(`Cannot open sidecar ${path}: ELOOP`);
    expect(error.hint).toBe("Check the path; rebuild the cache entry if the file is damaged");
    expect(error.context).toEqual({ path, errorCode: "ELOOP" });
    expect((error.cause as { code?: string }).code).toBe("ELOOP");
  });

  it("says permission denied, with a permissions hint, for an unreadable file", async () => {
    const path = await unreadable();
    const error = await failure(openRegular(path));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect(error.message).toBe(`Cannot open cache file ${path}: permission denied`);
    expect(error.hint).toBe("Check the file's permissions for the user running this");
    expect(error.context).toEqual({ path, errorCode: "EACCES" });
  });

  it("reports a device it may not open as a permission failure, not as a device", async () => {
    const { path, code } = await refusedDevice();
    const error = await failure(openRegular(path));
    expect(error.message).toBe(`Cannot open cache file ${path}: permission denied`);
    expect(error.hint).toBe("Check the file's permissions for the user running this");
    expect(error.context).toEqual({ path, errorCode: code });
  });
});
