import { dirname } from "node:path";
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from "../sidecar/checksum";
import { unlinkQuietly, type CacheFileSystem } from "../shared/file-system";
import { formatSidecar, parseSidecar, sidecarPath } from "../sidecar/sidecar";
import { writeTemp } from "./write-temp";

/** What one write publishes: the fsynced temp file and, if hashed, its digest. */
export interface SwapPlan {
  fs: CacheFileSystem;
  path: string;
  tempPath: string;
  mode: number;
  /** Digest of the temp file's bytes, when any algorithm was run. */
  digest?: { algorithm: ChecksumAlgorithm; hex: string };
  /** Whether the caller asked for a sidecar (false: any existing sidecar is removed). */
  keepSidecar: boolean;
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

const writeSidecar = async (plan: SwapPlan, algorithm: ChecksumAlgorithm, digests: string[]) => {
  const target = sidecarPath(plan.path, algorithm);
  const bytes = new TextEncoder().encode(formatSidecar(digests, plan.path));
  const temp = await writeTemp(plan.fs, target, bytes, undefined, plan.mode);
  try {
    await plan.fs.rename(temp, target);
  } catch (error) {
    await unlinkQuietly(plan.fs, temp).catch(() => undefined);
    throw error;
  }
};

/**
 * Publishes the temp file over `path` so that, at every instant, each sidecar that exists lists
 * the digest of the data file in place (the caller holds the path's lock):
 * 1. if any sidecar exists, rewrite this algorithm's sidecar listing old digests plus the new one;
 * 2. rename the temp file over `path`;
 * 3. rewrite the sidecar with only the new digest and delete sidecars of other algorithms
 *    (or delete all sidecars when no checksum was asked for).
 * The folder is fsynced after each step. A reader accepts data matching any listed digest.
 */
export const swapIntoPlace = async (plan: SwapPlan): Promise<void> => {
  const { fs, path, digest } = plan;
  const dir = dirname(path);
  const existing = await readSidecars(fs, path);
  if (existing.size > 0) {
    if (digest === undefined) {
      for (const algorithm of existing.keys())
        await unlinkQuietly(fs, sidecarPath(path, algorithm));
    } else {
      const prior = existing.get(digest.algorithm) ?? [];
      await writeSidecar(plan, digest.algorithm, [...new Set([...prior, digest.hex])]);
    }
    await fs.syncDir(dir);
  }
  await fs.rename(plan.tempPath, path);
  await fs.syncDir(dir);
  let changed = false;
  if (plan.keepSidecar && digest !== undefined) {
    await writeSidecar(plan, digest.algorithm, [digest.hex]);
    changed = true;
  }
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const keep = plan.keepSidecar && algorithm === digest?.algorithm;
    const touched = existing.has(algorithm) || algorithm === digest?.algorithm;
    if (!keep && touched) {
      await unlinkQuietly(fs, sidecarPath(path, algorithm));
      changed = true;
    }
  }
  // A plain write with no sidecar before or after is durable after the rename's folder fsync.
  if (changed) await fs.syncDir(dir);
};
