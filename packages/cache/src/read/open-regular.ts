import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { CacheCorruptionError, escapeControl } from "@peak/errors";
import { CacheMissError } from "../shared/cache-miss-error";
import { errnoCode } from "../shared/cache-write-error";
import { fileKind } from "./file-kind";

type Handle = Awaited<ReturnType<typeof open>>;

/** A descriptor on a regular file, with the size and inode fstat reported. */
export interface RegularFile {
  handle: Handle;
  size: number;
  ino: number;
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const notRegular = (path: string, what: string, kind: string) =>
  new CacheCorruptionError(`${what} ${escapeControl(path)} is a ${kind}, not a regular file`, {
    hint: `Point at a regular ${what.toLowerCase()} written by @peak/cache; FIFOs, sockets, devices and directories are refused`,
    context: { path, fileType: kind },
  });

const openFailed = async (path: string, what: string, error: unknown): Promise<Error> => {
  // Stryker disable next-line StringLiteral: open() rejects only with errors that carry a string code
  const code = errnoCode(error) ?? "UNKNOWN";
  if (code === "ENXIO" || code === "EISDIR") {
    // ENXIO: a unix socket; EISDIR: a directory on some platforms.
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined && !info.isFile()) return notRegular(path, what, fileKind(info));
  }
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code;
  return new CacheCorruptionError(
    `Cannot open ${what.toLowerCase()} ${escapeControl(path)}: ${reason}`,
    {
      hint:
        code === "EACCES" || code === "EPERM"
          ? "Check the file's permissions for the user running this"
          : "Check the path; rebuild the cache entry if the file is damaged",
      context: { path, errorCode: code },
      cause: error,
    },
  );
};

/**
 * Opens `path` for reading without ever blocking (`O_NONBLOCK`) and checks with fstat that it
 * is a regular file, so a FIFO, socket, device or directory fails at once with a typed error.
 *
 * @throws {CacheMissError} when `path` does not exist.
 * @throws {CacheCorruptionError} for anything but a readable regular file; `context` has the
 *   `path` and its `fileType` or the errno `errorCode`.
 */
export const openRegular = async (path: string, what = "Cache file"): Promise<RegularFile> => {
  let handle: Handle;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    if (errnoCode(error) === "ENOENT" || errnoCode(error) === "ENOTDIR") {
      throw new CacheMissError(`${what} not found: ${escapeControl(path)}`, {
        hint: "Build the cache entry first (atomicWrite), or check the path",
        context: { path },
        cause: error,
      });
    }
    throw await openFailed(path, what, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(path, what, fileKind(info));
    return { handle, size: info.size, ino: info.ino };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
};
