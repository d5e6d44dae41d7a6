import { lstat } from "node:fs/promises";
import { escapeControl } from "@peak/errors";
import { fileKind } from "../read/file-kind";
import { CacheWriteError, errnoCode } from "./cache-write-error";

/**
 * Refuses to publish over anything but a regular file or a symlink (the rename replaces the
 * link itself): a directory, FIFO, socket or device at the target path is never replaced.
 *
 * @throws {CacheWriteError} naming the path and its `fileType`.
 */
export const assertReplaceable = async (path: string): Promise<void> => {
  const info = await lstat(path).catch((error: unknown) => {
    if (errnoCode(error) === "ENOENT") return undefined;
    throw error;
  });
  if (info === undefined || info.isFile() || info.isSymbolicLink()) return;
  const kind = fileKind(info);
  throw new CacheWriteError(`Cannot write ${escapeControl(path)}: it is a ${kind}`, {
    hint: "Write cache files to a path that is free or holds a regular file",
    context: { path, fileType: kind, errorCode: "ENOTREG" },
  });
};
