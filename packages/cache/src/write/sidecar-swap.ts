import { dirname } from "node:path";
import { CHECKSUM_ALGORITHMS, computeChecksum, type ChecksumAlgorithm } from "../sidecar/checksum";
import { unlinkQuietly, type CacheFileSystem } from "../shared/file-system";
import { formatSidecar, parseSidecar, sidecarPath } from "../sidecar/sidecar";
import { writeTemp } from "./write-temp";

/** What one write publishes: the fsynced temp file, its bytes and the wanted sidecar. */
export interface SwapPlan {
  fs: CacheFileSystem;
  path: string;
  tempPath: string;
  /** The bytes in the temp file (hashed here for any other algorithm a sidecar uses). */
  bytes: Uint8Array;
  mode: number;
  /** The sidecar to keep, with the digest computed while writing; none: remove every sidecar. */
  digest?: { algorithm: ChecksumAlgorithm; hex: string };
  /** Checked right before the data rename: false when the lock was broken meanwhile. */
  stillHeld?: () => Promise<boolean>;
  /**
   * An fsynced temp file beside the wanted sidecar that lists only `digest.hex`, written while
   * the data was still syncing ({@link prepareSidecar}): renamed into place instead of writing
   * that sidecar again. The caller removes it if the swap fails before using it.
   */
  sidecarTemp?: string;
}

/** Reads every existing sidecar of `path`; an unreadable one counts as existing but empty. */
export const readSidecars = async (
  fs: CacheFileSystem,
  path: string,
): Promise<Map<ChecksumAlgorithm, string[]>> => {
  const found = new Map<ChecksumAlgorithm, string[]>();
  // Read side by side (each is a round trip to the thread pool), kept in algorithm order.
  const texts = await Promise.all(
    CHECKSUM_ALGORITHMS.map((algorithm) => fs.readSmall(sidecarPath(path, algorithm))),
  );
  for (const [i, algorithm] of CHECKSUM_ALGORITHMS.entries()) {
    const text = texts[i];
    if (text === undefined) continue;
    try {
      found.set(algorithm, parseSidecar(text, algorithm, sidecarPath(path, algorithm)));
    } catch {
      found.set(algorithm, []);
    }
  }
  return found;
};

/**
 * Writes and fsyncs a temp file beside `path`'s sidecar for `algorithm` listing `digests`, and
 * returns its path (to be renamed over the sidecar, or removed).
 */
export const prepareSidecar = async (
  fs: CacheFileSystem,
  path: string,
  algorithm: ChecksumAlgorithm,
  digests: readonly string[],
  mode: number,
): Promise<string> => {
  const bytes = new TextEncoder().encode(formatSidecar(digests, path));
  return (await writeTemp(fs, sidecarPath(path, algorithm), bytes, undefined, mode)).tempPath;
};

/** Atomically replaces `path`'s sidecar for `algorithm` with one listing `digests`. */
export const writeSidecar = async (
  fs: CacheFileSystem,
  path: string,
  algorithm: ChecksumAlgorithm,
  digests: readonly string[],
  mode: number,
): Promise<void> => {
  const target = sidecarPath(path, algorithm);
  const temp = await prepareSidecar(fs, path, algorithm, digests, mode);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await unlinkQuietly(fs, temp).catch(() => undefined);
    throw error;
  }
};

const lockLost = (path: string) =>
  Object.assign(new Error(`The lock of ${path} was broken while this write held it`), {
    code: "LOCK_LOST",
  });

/**
 * Publishes the temp file over `path` (the caller holds the path's lock) so that at every
 * instant either the data file is absent (readers get `CacheMissError`) or every sidecar that
 * exists lists the digest, in its own algorithm, of the data in place:
 * 1. first write (no data yet): remove orphan sidecars and publish the wanted sidecar first;
 *    otherwise add the new digest to every existing sidecar (hashing in each one's algorithm);
 * 2. rename the temp file over `path`;
 * 3. leave only the wanted sidecar, listing only the new digest (or no sidecar at all).
 * The folder is fsynced after each step that changed it. Readers accept any listed digest, and
 * `cleanup` finishes step 3 after a crash.
 */
export const swapIntoPlace = async (plan: SwapPlan): Promise<void> => {
  const { fs, path, digest, mode } = plan;
  const dir = dirname(path);
  const wanted = digest?.algorithm;
  const [existing, present] = await Promise.all([readSidecars(fs, path), fs.exists(path)]);
  const first = !present;
  const hexOf = async (algorithm: ChecksumAlgorithm) =>
    algorithm === wanted && digest ? digest.hex : computeChecksum(plan.bytes, algorithm);
  // The wanted sidecar listing only the new digest: the prepared temp when there is one.
  const placeWanted = async (wantedDigest: { algorithm: ChecksumAlgorithm; hex: string }) => {
    if (plan.sidecarTemp === undefined)
      return writeSidecar(fs, path, wantedDigest.algorithm, [wantedDigest.hex], mode);
    await fs.rename(plan.sidecarTemp, sidecarPath(path, wantedDigest.algorithm));
  };
  let changed = false;
  for (const [algorithm, listed] of existing) {
    if (first && algorithm !== wanted) await unlinkQuietly(fs, sidecarPath(path, algorithm));
    else if (!first)
      await writeSidecar(
        fs,
        path,
        algorithm,
        [...new Set([...listed, await hexOf(algorithm)])],
        mode,
      );
    changed = true;
  }
  if (first && digest) {
    await placeWanted(digest);
    changed = true;
  }
  if (changed) await fs.syncDir(dir);
  if (plan.stillHeld !== undefined && !(await plan.stillHeld())) throw lockLost(path);
  await fs.rename(plan.tempPath, path);
  await fs.syncDir(dir);
  changed = false;
  if (!first && digest) {
    await placeWanted(digest);
    changed = true;
  }
  for (const algorithm of existing.keys()) {
    if (algorithm === wanted || first) continue;
    await unlinkQuietly(fs, sidecarPath(path, algorithm));
    changed = true;
  }
  // A plain write with no sidecar before or after is durable after the rename's folder fsync.
  if (changed) await fs.syncDir(dir);
};
