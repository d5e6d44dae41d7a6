import { createDigester, type ChecksumAlgorithm } from "../sidecar/checksum";
import { sha256OffThread } from "./sha256-worker";

/** Hashes the bytes being written; runs alongside the write. */
export type BytesHasher = (bytes: Uint8Array) => Promise<string>;

/** Below this, hashing on the main thread is cheaper than handing the bytes to the worker. */
const OFF_THREAD_MIN_BYTES = 1024 * 1024;
const HASH_SLICE_BYTES = 2 * 1024 * 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The hasher {@link writeTemp} runs next to the write: SHA-256 of large buffers on a worker
 * thread; otherwise on the main thread in 2 MiB slices with a turn of the event loop between
 * them, so the write chain in the thread pool keeps moving. Use each hasher once.
 *
 * @throws {ConfigError} for an unknown algorithm (before anything is written).
 */
export const bytesHasher = async (algorithm: ChecksumAlgorithm): Promise<BytesHasher> => {
  const digester = await createDigester(algorithm);
  return async (bytes) => {
    if (algorithm === "sha256" && bytes.length >= OFF_THREAD_MIN_BYTES) {
      return sha256OffThread(bytes);
    }
    for (let start = 0; start < bytes.length; start += HASH_SLICE_BYTES) {
      digester.update(bytes.subarray(start, start + HASH_SLICE_BYTES));
      if (start + HASH_SLICE_BYTES < bytes.length) await nextTurn();
    }
    return digester.digest();
  };
};
