import { stat } from "node:fs/promises";
import { CacheCorruptionError } from "@peak/errors";
import {
  CHECKSUM_ALGORITHMS,
  computeChecksum,
  createDigester,
  type ChecksumAlgorithm,
} from "../sidecar/checksum";
import { nodeFileSystem } from "../shared/file-system";
import { readOnce } from "./read-once";
import { parseSidecar, sidecarPath } from "../sidecar/sidecar";

/** Bytes that matched a sidecar, with the digest that matched. */
export interface VerifiedBytes {
  bytes: Uint8Array;
  checksum: { algorithm: ChecksumAlgorithm; hex: string };
}

type SidecarTexts = Map<ChecksumAlgorithm, string>;
type Mismatch = { algorithm: ChecksumAlgorithm; expected: string[]; actual: string };

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

const mismatch = (path: string, first: Mismatch | undefined) =>
  new CacheCorruptionError(`Checksum mismatch for ${path}`, {
    hint: "The file is damaged: delete it (and its sidecar) and rebuild the cache entry",
    context: {
      path,
      algorithm: first?.algorithm,
      expected: first?.expected.join(","),
      actual: first?.actual,
      sidecar: first === undefined ? undefined : sidecarPath(path, first.algorithm),
    },
  });

// Reads the data once, hashing each chunk (for every sidecar seen before the read) as it arrives.
const readHashing = async (path: string, algorithms: ChecksumAlgorithm[]) => {
  const digesters = await Promise.all(algorithms.map((a) => createDigester(a)));
  const snapshot = await readOnce(path, (chunk) => digesters.forEach((d) => d.update(chunk)));
  const actual = new Map(algorithms.map((a, i) => [a, digesters[i]!.digest()]));
  return { ...snapshot, actual };
};

const match = async (
  path: string,
  bytes: Uint8Array,
  actual: Map<ChecksumAlgorithm, string>,
  texts: SidecarTexts[],
) => {
  const tried: Mismatch[] = [];
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const listed = texts.flatMap((t) => {
      const text = t.get(algorithm);
      return text === undefined ? [] : parseSidecar(text, algorithm, sidecarPath(path, algorithm));
    });
    if (listed.length === 0) continue;
    const hex = actual.get(algorithm) ?? (await computeChecksum(bytes, algorithm));
    if (listed.includes(hex)) return { algorithm, hex };
    tried.push({ algorithm, expected: [...new Set(listed)], actual: hex });
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
    const { bytes, ino, actual } = await readHashing(path, [...before.keys()]);
    const after = await readTexts(path, algorithms);
    const current = await stat(path).catch(() => undefined);
    const stable = sameTexts(before, after) && current?.ino === ino;
    const last = stable || attempt >= attempts;
    if (before.size === 0 && after.size === 0 && last) throw missing(path, algorithms);
    const result = await match(path, bytes, actual, [before, after]);
    if (!Array.isArray(result)) return { bytes, checksum: result };
    if (last) throw mismatch(path, result[0]);
  }
};
