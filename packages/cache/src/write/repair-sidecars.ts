import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { CHECKSUM_ALGORITHMS, computeChecksum, type ChecksumAlgorithm } from "../sidecar/checksum";
import { nodeFileSystem, unlinkQuietly } from "../shared/file-system";
import { acquireLock } from "../lock/path-lock";
import { readOnce } from "../read/read-once";
import { formatSidecar, parseSidecar } from "../sidecar/sidecar";
import { lockPathFor } from "../shared/temp-name";
import { writeTemp } from "./write-temp";

const algorithmOf = (name: string): ChecksumAlgorithm | undefined =>
  CHECKSUM_ALGORITHMS.find((algorithm) => name.endsWith(`.${algorithm}`));

// Under the data file's lock: if the sidecar still lists several digests, keep the one that
// matches the data. Returns true when it rewrote the sidecar.
const repairOne = async (dataPath: string, algorithm: ChecksumAlgorithm): Promise<boolean> => {
  const sidecar = `${dataPath}.${algorithm}`;
  const release = await acquireLock(lockPathFor(dataPath), { timeoutMs: 2_000 });
  try {
    const text = await nodeFileSystem.readSmall(sidecar);
    const listed = text === undefined ? [] : parseSidecar(text, algorithm, sidecar);
    if (listed.length < 2) return false;
    const actual = await computeChecksum((await readOnce(dataPath)).bytes, algorithm);
    if (!listed.includes(actual)) return false; // real corruption: leave it for the reader to report
    const bytes = new TextEncoder().encode(formatSidecar([actual], dataPath));
    const temp = await writeTemp(nodeFileSystem, sidecar, bytes, undefined, 0o666);
    await nodeFileSystem.rename(temp, sidecar).catch(async (error: unknown) => {
      await unlinkQuietly(nodeFileSystem, temp);
      throw error;
    });
    await nodeFileSystem.syncDir(join(dataPath, ".."));
    return true;
  } finally {
    await release();
  }
};

/**
 * After a crash between the data rename and the final sidecar rewrite, a sidecar lists two
 * digests (`sha256sum -c` then reports one line as failed). This rewrites each such sidecar in
 * `dir` to the single digest that matches its data file. Returns the sidecars it rewrote.
 */
export const repairSidecars = async (dir: string): Promise<string[]> => {
  const repaired: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const algorithm = algorithmOf(name);
    if (algorithm === undefined || name.startsWith(".")) continue;
    const dataPath = join(dir, name.slice(0, -(algorithm.length + 1)));
    const text = (await nodeFileSystem.readSmall(join(dir, name)).catch(() => "")) ?? "";
    if (text.trim().split("\n").length < 2) continue; // the common case: nothing to lock for
    try {
      if (await repairOne(dataPath, algorithm)) repaired.push(join(dir, name));
    } catch {
      // missing data, unreadable sidecar or busy lock: nothing to repair now
    }
  }
  return repaired;
};
