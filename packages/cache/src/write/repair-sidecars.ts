import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CHECKSUM_ALGORITHMS, computeChecksum, type ChecksumAlgorithm } from "../sidecar/checksum";
import { nodeFileSystem as fs, unlinkQuietly } from "../shared/file-system";
import { acquireLock, type LockOptions } from "../lock/path-lock";
import { readOnce } from "../read/read-once";
import { sidecarPath } from "../sidecar/sidecar";
import { lockPathFor } from "../shared/temp-name";
import { readSidecars, writeSidecar } from "./sidecar-swap";

/** What the repair changed: sidecars rewritten to one digest, and sidecars removed. */
export interface SidecarRepairs {
  repaired: string[];
  removed: string[];
}

const algorithmOf = (name: string): ChecksumAlgorithm | undefined =>
  CHECKSUM_ALGORITHMS.find((algorithm) => name.endsWith(`.${algorithm}`));

// Under the data file's lock, finishes what a crashed swap left:
// - sidecars without a data file (a first write died before its data rename): removed;
// - a sidecar listing several digests (died mid-swap): rewritten to the one matching the data;
// - a sidecar that does not match while another algorithm's does (died in an algorithm switch,
//   or a pre-0.1 switch left it): removed. When nothing matches, it is real corruption: kept.
const repairOne = async (dataPath: string, lock: LockOptions, out: SidecarRepairs) => {
  const handle = await acquireLock(lockPathFor(dataPath), lock);
  try {
    const sidecars = await readSidecars(fs, dataPath);
    if (!(await fs.exists(dataPath))) {
      for (const algorithm of sidecars.keys()) {
        await unlinkQuietly(fs, sidecarPath(dataPath, algorithm));
        out.removed.push(sidecarPath(dataPath, algorithm));
      }
      return;
    }
    const { bytes } = await readOnce(dataPath);
    const actual = new Map<ChecksumAlgorithm, string>();
    for (const algorithm of sidecars.keys())
      actual.set(algorithm, await computeChecksum(bytes, algorithm));
    const matches = [...sidecars].filter(([a, listed]) => listed.includes(actual.get(a)!));
    if (matches.length === 0) return;
    for (const [algorithm, listed] of sidecars) {
      const path = sidecarPath(dataPath, algorithm);
      if (!listed.includes(actual.get(algorithm)!)) {
        await unlinkQuietly(fs, path);
        out.removed.push(path);
      } else if (listed.length > 1) {
        await writeSidecar(fs, dataPath, algorithm, [actual.get(algorithm)!], 0o666);
        out.repaired.push(path);
      }
    }
  } finally {
    await fs.syncDir(dirname(dataPath)).catch(() => undefined);
    await handle.release();
  }
};

// Cheap checks first: only entries that look like a crash leftover are hashed under the lock.
const needsRepair = async (dataPath: string, algorithms: ChecksumAlgorithm[]) => {
  if (algorithms.length > 1 || !(await fs.exists(dataPath))) return true;
  const text = (await fs.readSmall(sidecarPath(dataPath, algorithms[0]!)).catch(() => "")) ?? "";
  return text.trim().split("\n").length > 1;
};

/**
 * Repairs the sidecars in `dir` that a crash mid-write left behind (see `repairOne`), so every
 * sidecar lists exactly the digest of its data and `sha256sum -c` passes. Entries whose lock
 * stays busy, or that cannot be read, are left for a later run.
 */
export const repairSidecars = async (
  dir: string,
  lock: LockOptions = {},
): Promise<SidecarRepairs> => {
  const byData = new Map<string, ChecksumAlgorithm[]>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const algorithm = algorithmOf(name);
    if (algorithm === undefined || name.startsWith(".")) continue;
    const dataPath = join(dir, name.slice(0, -(algorithm.length + 1)));
    byData.set(dataPath, [...(byData.get(dataPath) ?? []), algorithm]);
  }
  const out: SidecarRepairs = { repaired: [], removed: [] };
  for (const [dataPath, algorithms] of byData) {
    try {
      if (await needsRepair(dataPath, algorithms))
        await repairOne(dataPath, { timeoutMs: 2_000, ...lock }, out);
    } catch {
      // busy lock or unreadable data: nothing to repair now
    }
  }
  return out;
};
