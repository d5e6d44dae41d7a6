import { stat } from "node:fs/promises";
import { CacheCorruptionError } from "@peak/errors";
import { CHECKSUM_ALGORITHMS, computeChecksum, type ChecksumAlgorithm } from "./checksum";
import { readOnce } from "./read-once";
import { parseSidecar, sidecarPath } from "./sidecar";
import { nodeFileSystem } from "./file-system";

/** Bytes that matched a sidecar, with the digest that matched. */
export interface VerifiedBytes {
  bytes: Uint8Array;
  checksum: { algorithm: ChecksumAlgorithm; hex: string };
}

type SidecarTexts = Map<ChecksumAlgorithm, string>;

const readTexts = async (path: string, algorithms: readonly ChecksumAlgorithm[]) => {
  const texts: SidecarTexts = new Map();
  for (const algorithm of algorithms) {
    const text = await nodeFileSystem.readSmall(sidecarPath(path, algorithm));
    if (text !== undefined) texts.set(algorithm, text);
  }
  return texts;
};

const sameTexts = (a: SidecarTexts, b: SidecarTexts): boolean =>
  a.size === b.size && [...a].every(([key, text]) => b.get(key) === text);

const missing = (path: string, algorithms: readonly ChecksumAlgorithm[]) =>
  new CacheCorruptionError(`Checksum sidecar missing for ${path}`, {
    hint: "Rewrite the file with atomicWrite(…, { checksum: true }), or delete it and rebuild",
    context: { path, sidecars: algorithms.map((a) => sidecarPath(path, a)) },
  });

// Hashes `bytes` with each algorithm whose sidecar exists; returns the match or the mismatches.
const match = async (path: string, bytes: Uint8Array, texts: SidecarTexts[]) => {
  const tried: { algorithm: ChecksumAlgorithm; expected: string[]; actual: string }[] = [];
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const listed = texts.flatMap((t) => {
      const text = t.get(algorithm);
      return text === undefined ? [] : parseSidecar(text, algorithm, sidecarPath(path, algorithm));
    });
    if (listed.length === 0) continue;
    const actual = await computeChecksum(bytes, algorithm);
    if (listed.includes(actual)) return { algorithm, hex: actual };
    tried.push({ algorithm, expected: [...new Set(listed)], actual });
  }
  return tried;
};

/**
 * Reads `path` once and checks the bytes against its sidecar(s): accepted when they match any
 * listed digest. Sidecars are read before and after the data; if a concurrent writer changed
 * anything in between, the read is retried (up to `attempts` times).
 *
 * @throws {CacheCorruptionError} on a missing or unreadable sidecar or a digest mismatch.
 * @throws {CacheMissError} when the data file does not exist.
 */
export const readVerified = async (
  path: string,
  algorithms: readonly ChecksumAlgorithm[],
  attempts = 5,
): Promise<VerifiedBytes> => {
  for (let attempt = 1; ; attempt += 1) {
    const before = await readTexts(path, algorithms);
    const { bytes, ino } = await readOnce(path);
    const after = await readTexts(path, algorithms);
    const stable =
      sameTexts(before, after) && (await stat(path).catch(() => undefined))?.ino === ino;
    if (before.size === 0 && after.size === 0 && (stable || attempt >= attempts))
      throw missing(path, algorithms);
    const result = await match(path, bytes, [before, after]);
    if (!Array.isArray(result)) return { bytes, checksum: result };
    if (stable || attempt >= attempts) {
      const first = result[0];
      throw new CacheCorruptionError(`Checksum mismatch for ${path}`, {
        hint: "The file is damaged: delete it (and its sidecar) and rebuild the cache entry",
        context: {
          path,
          algorithm: first?.algorithm,
          expected: first?.expected.join(","),
          actual: first?.actual,
          sidecar: first ? sidecarPath(path, first.algorithm) : undefined,
        },
      });
    }
  }
};
