import { CacheWriteError, errnoCode } from "../shared/cache-write-error";
import type { BytesHasher } from "./bytes-hasher";
import { unlinkQuietly, type CacheFileSystem, type CacheWriteHandle } from "../shared/file-system";
import { tempPathFor } from "../shared/temp-name";

/**
 * Bytes per write call. At most 1 MiB: on Linux 6.x a larger buffered write lets the page cache
 * take 2 MiB folios, and on the VMs measured here those came from memory the host had not yet
 * backed, so one 8 MiB write took 30 to 250 ms of kernel time where 1 MiB writes never did.
 */
const WRITE_CHUNK_BYTES = 1024 * 1024;

/**
 * Write calls queued in the thread pool at once. The next chunk goes out as soon as one finishes,
 * from the pool's own completion, so the disk never waits for a turn of a busy main thread (one
 * hashing the same bytes). The kernel still applies them one at a time, each at its own offset.
 */
const WRITES_IN_FLIGHT = 4;

const fail = (message: string, path: string, cause?: unknown): CacheWriteError =>
  new CacheWriteError(message, {
    hint: "Free disk space or fix permissions, then write again; the previous file is untouched",
    context: {
      path,
      errorCode: errnoCode(cause) ?? (cause === undefined ? "SHORT_WRITE" : "UNKNOWN"),
    },
    ...(cause === undefined ? {} : { cause }),
  });

// Writes one chunk completely: a short write is continued; a write of zero bytes is a full disk.
const writeChunk = async (
  handle: CacheWriteHandle,
  bytes: Uint8Array,
  start: number,
  end: number,
  path: string,
) => {
  let offset = start;
  while (offset < end) {
    const { bytesWritten } = await handle.write(bytes, offset, end - offset, offset);
    if (bytesWritten <= 0) throw fail(`No space left while writing ${path}`, path);
    offset += bytesWritten;
  }
};

// Writes every chunk, WRITES_IN_FLIGHT at a time; after a failure no new chunk starts, the ones
// under way settle (nothing writes after the caller closes the file), and the first failure is thrown.
const writeChunks = async (handle: CacheWriteHandle, bytes: Uint8Array, path: string) => {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < bytes.length && failure === undefined) {
      const start = next;
      next = Math.min(bytes.length, start + WRITE_CHUNK_BYTES);
      try {
        await writeChunk(handle, bytes, start, next, path);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, lane));
  if (failure !== undefined) throw failure.error;
};

// Writes every byte, checks the size with fstat, then fsyncs (all in the thread pool).
const writeAndSync = async (handle: CacheWriteHandle, bytes: Uint8Array, path: string) => {
  await writeChunks(handle, bytes, path);
  const { size } = await handle.stat();
  if (size !== bytes.length) {
    throw fail(`Short write: ${size} of ${bytes.length} bytes reached ${path}`, path);
  }
  try {
    await handle.sync();
  } catch (error) {
    throw fail(`fsync failed for ${path}`, path, error);
  }
};

/**
 * Writes and fsyncs every byte while `hash` digests the same in-memory bytes (on a worker or in
 * slices between the write's turns), so hashing hides behind the I/O instead of adding to it.
 * Both are awaited; if either fails, the first failure is thrown (the caller removes the file).
 */
const writeAll = async (
  handle: CacheWriteHandle,
  bytes: Uint8Array,
  hash: BytesHasher | undefined,
  path: string,
): Promise<string | undefined> => {
  const [io, digest] = await Promise.allSettled([
    writeAndSync(handle, bytes, path),
    (async () => hash?.(bytes))(),
  ]);
  if (io.status === "rejected") throw io.reason;
  if (digest.status === "rejected") throw digest.reason;
  return digest.value;
};

const openUnique = async (fs: CacheFileSystem, target: string, mode: number) => {
  for (let attempt = 0; ; attempt += 1) {
    const tempPath = tempPathFor(target);
    try {
      return { tempPath, handle: await fs.openExclusive(tempPath, mode) };
    } catch (error) {
      if (errnoCode(error) !== "EEXIST" || attempt >= 4) throw error;
    }
  }
};

/**
 * Creates a unique temporary file beside `target` (exclusive create, no symlink following),
 * writes and fsyncs all bytes (hashing them alongside with `hash`), and returns its path and the
 * digest. On any failure of either the temp file is removed.
 *
 * @throws {CacheWriteError} on a full disk, short write or file-system error.
 */
export const writeTemp = async (
  fs: CacheFileSystem,
  target: string,
  bytes: Uint8Array,
  hash: BytesHasher | undefined,
  mode: number,
): Promise<{ tempPath: string; hex: string | undefined }> => {
  let opened: { tempPath: string; handle: CacheWriteHandle };
  try {
    opened = await openUnique(fs, target, mode);
  } catch (error) {
    throw fail(`Cannot create a temporary file beside ${target}`, target, error);
  }
  const { tempPath, handle } = opened;
  try {
    const hex = await writeAll(handle, bytes, hash, target);
    await handle.close();
    return { tempPath, hex };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlinkQuietly(fs, tempPath).catch(() => undefined);
    throw CacheWriteError.isInstance(error) ? error : fail(`Cannot write ${target}`, target, error);
  }
};
