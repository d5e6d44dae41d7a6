import type { open } from "node:fs/promises";
import { CacheCorruptionError, escapeControl } from "@peak/errors";
import { openRegular } from "./open-regular";

/** The bytes of a file read through one descriptor, and that file's inode. */
export interface FileSnapshot {
  bytes: Uint8Array;
  ino: number;
}

const READ_CHUNK_BYTES = 8 * 1024 * 1024;

const changed = (path: string, how: string, size: number) =>
  new CacheCorruptionError(`${escapeControl(path)} ${how} while being read`, {
    hint: "Something modifies the file in place; only write cache files with atomicWrite",
    context: { path, size },
  });

type Handle = Awaited<ReturnType<typeof open>>;

// Reads `size` bytes in 8 MiB chunks; while chunk k+1 is read in the thread pool, chunk k is
// passed to `onChunk` (hashing) on the main thread, so hashing hides behind the read.
const readPipelined = async (
  handle: Handle,
  size: number,
  onChunk?: (chunk: Uint8Array) => void,
  chunkBytes = READ_CHUNK_BYTES,
) => {
  const buffer = Buffer.allocUnsafe(size);
  const readAt = async (start: number): Promise<number> => {
    const end = Math.min(size, start + chunkBytes);
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
    const done = end < Math.min(size, start + chunkBytes) || end >= size;
    if (!done) pending = readAt(end);
    onChunk?.(buffer.subarray(start, end));
    if (done) return buffer.subarray(0, end);
    start = end;
  }
};

/**
 * Reads a whole regular file through a single open descriptor (opened without blocking and
 * checked with fstat first), optionally feeding each chunk to `onChunk` as it arrives. Writers
 * only ever rename new files into place, so the descriptor sees one complete version even while
 * a writer runs; a file that shrinks or grows during the read is refused.
 *
 * @throws {CacheMissError} when the file does not exist.
 * @throws {CacheCorruptionError} when it is not a readable regular file or changes size.
 */
export const readOnce = async (
  path: string,
  onChunk?: (chunk: Uint8Array) => void,
  chunkBytes?: number,
): Promise<FileSnapshot> => {
  const { handle, size, ino } = await openRegular(path);
  try {
    const bytes = await readPipelined(handle, size, onChunk, chunkBytes);
    if (bytes.length < size) throw changed(path, "shrank", size);
    // A file that grew after fstat is not one of ours (writers never modify in place).
    const probe = await handle.read(Buffer.alloc(1), 0, 1, bytes.length);
    if (probe.bytesRead !== 0) throw changed(path, "grew", size);
    return { bytes, ino };
  } finally {
    await handle.close();
  }
};
