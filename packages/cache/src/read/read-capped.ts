import { CacheCorruptionError, escapeControl } from "@peak/errors";
import { CacheMissError } from "../shared/cache-miss-error";
import { openRegular } from "./open-regular";

/** Largest sidecar or lock file read: a sidecar lists at most a few digests. */
export const SMALL_FILE_MAX_BYTES = 64 * 1024;

/**
 * Reads a small regular file as UTF-8, at most `maxBytes`, or returns undefined when it is
 * missing. Never blocks on a FIFO and never reads more than `maxBytes + 1` bytes, so a sidecar
 * symlinked to `/dev/zero` or to a huge file fails at once. The error never quotes the content.
 *
 * @throws {CacheCorruptionError} when the file is not a regular file, unreadable or too large.
 */
export const readCapped = async (
  path: string,
  what: string,
  maxBytes = SMALL_FILE_MAX_BYTES,
): Promise<string | undefined> => {
  let file;
  try {
    file = await openRegular(path, what);
  } catch (error) {
    if (CacheMissError.isInstance(error)) return undefined;
    throw error;
  }
  try {
    const tooLarge = () =>
      new CacheCorruptionError(`${what} ${escapeControl(path)} is larger than ${maxBytes} bytes`, {
        hint: `A ${what.toLowerCase()} this large is not one @peak/cache wrote; delete it and rebuild`,
        context: { path, maxBytes },
      });
    if (file.size > maxBytes) throw tooLarge();
    const buffer = Buffer.alloc(Math.min(maxBytes, file.size) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await file.handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw tooLarge();
    if (filled !== file.size) {
      throw new CacheCorruptionError(`${what} ${escapeControl(path)} changed while being read`, {
        hint: "Something writes the file in place; only write cache files with atomicWrite",
        context: { path, size: file.size, read: filled },
      });
    }
    return buffer.subarray(0, filled).toString("utf8");
  } finally {
    await file.handle.close();
  }
};
