import { createDigester, type ChecksumAlgorithm } from "../sidecar/checksum";
import { sha256OffThread } from "./sha256-worker";

/** Hashes the bytes being written or read; runs alongside the I/O or the decode. */
export type BytesHasher = (bytes: Uint8Array) => Promise<string>;

/**
 * Where a large SHA-256 runs. `worker`: on a worker thread, for a main thread that has its own
 * work meanwhile (a read decodes the bytes while they are hashed). `slices`: on the main thread in
 * 1 MiB slices with a turn of the event loop between them, for a main thread that only waits on
 * the thread pool (a write): no copy into the worker's ring, so on two cores the hash and the
 * write finish sooner, and the event loop is never held longer than one slice (about 1 ms).
 */
export type HashPlace = "worker" | "slices";

/** Below this, hashing on the main thread is cheaper than handing the bytes to the worker. */
const OFF_THREAD_MIN_BYTES = 1024 * 1024;
const HASH_SLICE_BYTES = 1024 * 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The hasher {@link writeTemp} and the verified read run next to their I/O: SHA-256 of large
 * buffers where `place` says; every other case on the main thread in 1 MiB slices with a turn of
 * the event loop between them, so the thread pool's chain keeps moving. Use each hasher once.
 *
 * @throws {ConfigError} for an unknown algorithm (before anything is written).
 */
export const bytesHasher = async (
  algorithm: ChecksumAlgorithm,
  place: HashPlace = "worker",
): Promise<BytesHasher> => {
  const digester = await createDigester(algorithm);
  return async (bytes) => {
    if (place === "worker" && algorithm === "sha256" && bytes.length >= OFF_THREAD_MIN_BYTES) {
      return sha256OffThread(bytes);
    }
    for (let start = 0; start < bytes.length; start += HASH_SLICE_BYTES) {
      digester.update(bytes.subarray(start, start + HASH_SLICE_BYTES));
      if (start + HASH_SLICE_BYTES < bytes.length) await nextTurn();
    }
    return digester.digest();
  };
};
