import { createHash } from "node:crypto";
import { openRegular } from "../read/open-regular";

const CHUNK_BYTES = 1024 * 1024;

/**
 * SHA-256 (lower-case hex) and size of a regular file, read in 1 MiB chunks through one
 * descriptor opened without blocking (a FIFO, socket or device is refused, never waited on).
 *
 * @throws {CacheMissError} when the file does not exist.
 * @throws {CacheCorruptionError} when it is not a readable regular file.
 */
export const hashFile = async (path: string): Promise<{ hex: string; size: number }> => {
  const { handle } = await openRegular(path, "Manifest entry");
  try {
    const hash = createHash("sha256");
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { hex: hash.digest("hex"), size };
  } finally {
    await handle.close();
  }
};
