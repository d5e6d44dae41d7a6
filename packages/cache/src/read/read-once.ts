import { open } from "node:fs/promises";
import { CacheCorruptionError } from "@peak/errors";
import { CacheMissError } from "../shared/cache-miss-error";
import { errnoCode } from "../shared/cache-write-error";

/** The bytes of a file read through one descriptor, and that file's inode. */
export interface FileSnapshot {
  bytes: Uint8Array;
  ino: number;
}

const READ_CHUNK_BYTES = 8 * 1024 * 1024;

type Handle = Awaited<ReturnType<typeof open>>;

// Reads `size` bytes in 8 MiB chunks; while chunk k+1 is read in the thread pool, chunk k is
// passed to `onChunk` (hashing) on the main thread, so hashing hides behind the read.
const readPipelined = async (
  handle: Handle,
  size: number,
  onChunk?: (chunk: Uint8Array) => void,
) => {
  const buffer = Buffer.allocUnsafe(size);
  const readAt = async (start: number): Promise<number> => {
    const end = Math.min(size, start + READ_CHUNK_BYTES);
    let filled = start;
    while (filled < end) {
      const { bytesRead } = await handle.read(buffer, filled, end - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  };
  let start = 0;
  let pending = readAt(0);
  for (;;) {
    const end = await pending;
    const done = end < Math.min(size, start + READ_CHUNK_BYTES) || end >= size;
    if (!done) pending = readAt(end);
    onChunk?.(buffer.subarray(start, end));
    if (done) return buffer.subarray(0, end);
    start = end;
  }
};

/**
 * Reads a whole file through a single open descriptor, optionally feeding each chunk to
 * `onChunk` as it arrives. Writers only ever rename new files into place, so the descriptor
 * sees one complete version even while a writer runs.
 *
 * @throws {CacheMissError} when the file does not exist.
 */
export const readOnce = async (
  path: string,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<FileSnapshot> => {
  let handle: Handle;
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
    const bytes = await readPipelined(handle, size, onChunk);
    // A file that grew after fstat is not one of ours (writers never modify in place).
    const probe = await handle.read(Buffer.alloc(1), 0, 1, bytes.length);
    if (probe.bytesRead !== 0) {
      throw new CacheCorruptionError(`${path} grew while being read`, {
        hint: "Something appends to the file in place; only write cache files with atomicWrite",
        context: { path, size },
      });
    }
    return { bytes, ino };
  } finally {
    await handle.close();
  }
};
