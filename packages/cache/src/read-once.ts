import { open } from "node:fs/promises";
import { CacheMissError } from "./cache-miss-error";
import { errnoCode } from "./cache-write-error";

/** The bytes of a file read through one descriptor, and that file's inode. */
export interface FileSnapshot {
  bytes: Uint8Array;
  ino: number;
}

/**
 * Reads a whole file through a single open descriptor. Writers only ever rename new files into
 * place, so the descriptor sees one complete version even while a writer runs.
 *
 * @throws {CacheMissError} when the file does not exist.
 */
export const readOnce = async (path: string): Promise<FileSnapshot> => {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (errnoCode(error) !== "ENOENT") throw error;
    throw new CacheMissError(`Cache file not found: ${path}`, {
      hint: "Build the cache entry first (atomicWrite), or check the path",
      context: { path },
      cause: error,
    });
  }
  try {
    const { size, ino } = await handle.stat();
    const first = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(first, filled, size - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const chunks: Uint8Array[] = [first.subarray(0, filled)];
    for (;;) {
      // a file that grew after fstat (not one of ours: writers never modify in place)
      const more = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await handle.read(more, 0, more.length, null);
      if (bytesRead === 0) break;
      chunks.push(more.subarray(0, bytesRead));
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), ino };
  } finally {
    await handle.close();
  }
};
