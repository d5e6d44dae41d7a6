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
}

/** Reads every existing sidecar of `path`; an unreadable one counts as existing but empty. */
export const readSidecars = async (
  fs: CacheFileSystem,
  path: string,
): Promise<Map<ChecksumAlgorithm, string[]>> => {
  const found = new Map<ChecksumAlgorithm, string[]>();
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const text = await fs.readSmall(sidecarPath(path, algorithm));
    if (text === undefined) continue;
    try {
      found.set(algorithm, parseSidecar(text, algorithm, sidecarPath(path, algorithm)));
    } catch {
      found.set(algorithm, []);
    }
  }
  return found;
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
  const bytes = new TextEncoder().encode(formatSidecar(digests, path));
  const { tempPath: temp } = await writeTemp(fs, target, bytes, undefined, mode);
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
  const existing = await readSidecars(fs, path);
  const first = !(await fs.exists(path));
  const hexOf = async (algorithm: ChecksumAlgorithm) =>
    algorithm === wanted && digest ? digest.hex : computeChecksum(plan.bytes, algorithm);
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
    await writeSidecar(fs, path, digest.algorithm, [digest.hex], mode);
    changed = true;
  }
  if (changed) await fs.syncDir(dir);
  if (plan.stillHeld !== undefined && !(await plan.stillHeld())) throw lockLost(path);
  await fs.rename(plan.tempPath, path);
  await fs.syncDir(dir);
  changed = false;
  if (!first && digest) {
    await writeSidecar(fs, path, digest.algorithm, [digest.hex], mode);
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
