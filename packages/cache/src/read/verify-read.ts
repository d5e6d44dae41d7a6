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
import { bytesHasher } from "../write/bytes-hasher";
import { parseSidecar, sidecarPath } from "../sidecar/sidecar";

/** Bytes that matched a sidecar, with the digest that matched. */
export interface VerifiedBytes<T = undefined> {
  bytes: Uint8Array;
  checksum: { algorithm: ChecksumAlgorithm; hex: string };
  /** What `decode` made of the bytes (only returned once they matched). */
  decoded: T;
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
      // Stryker disable next-line OptionalChaining: first is defined whenever mismatch() runs (an empty list means no sidecar, reported as missing first)
      algorithm: first?.algorithm,
      // Stryker disable next-line OptionalChaining: first is defined whenever mismatch() runs (an empty list means no sidecar, reported as missing first)
      expected: first?.expected.join(","),
      // Stryker disable next-line OptionalChaining: first is defined whenever mismatch() runs (an empty list means no sidecar, reported as missing first)
      actual: first?.actual,
      sidecar: first === undefined ? undefined : sidecarPath(path, first.algorithm),
    },
  });

// Reads the data once, then hashes it (SHA-256 on a worker for large files, others as the chunks
// arrive) while `decode` parses the same bytes on the main thread, so the two overlap.
const readHashing = async <T>(
  path: string,
  algorithms: ChecksumAlgorithm[],
  decode: ((bytes: Uint8Array) => Promise<T>) | undefined,
) => {
  // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,EqualityOperator,StringLiteral: speed only: match() computes any digest missing from `actual`
  const inline = algorithms.filter((a) => a !== "sha256");
  const digesters = await Promise.all(inline.map((a) => createDigester(a)));
  const sha256 = algorithms.includes("sha256") ? await bytesHasher("sha256") : undefined;
  const snapshot = await readOnce(
    path,
    inline.length === 0 ? undefined : (chunk) => digesters.forEach((d) => d.update(chunk)),
  );
  const [hex, decoded] = await Promise.allSettled([
    sha256?.(snapshot.bytes),
    decode === undefined ? undefined : decode(snapshot.bytes),
  ]);
  if (hex.status === "rejected") throw hex.reason;
  const actual = new Map<ChecksumAlgorithm, string>(
    // Stryker disable next-line ArrayDeclaration: speed only: match() computes any digest missing from `actual`
    inline.map((a, i) => [a, digesters[i]!.digest()]),
  );
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: speed only: match() computes any digest missing from `actual`
  if (hex.value !== undefined) actual.set("sha256", hex.value);
  return { ...snapshot, actual, decoded };
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
 * listed digest. `decode` parses the bytes while they are hashed; its result (or its error) is
 * given only when the digest matched. Sidecars are read before and after the data; if a concurrent writer changed
 * anything in between, the read is retried (up to `attempts` times).
 *
 * @throws {CacheCorruptionError} on a missing or unreadable sidecar or a digest mismatch.
 * @throws {CacheMissError} when the data file does not exist.
 */
export const readVerified = async <T = undefined>(
  path: string,
  algorithms: readonly ChecksumAlgorithm[],
  decode?: (bytes: Uint8Array) => Promise<T>,
  attempts = 5,
): Promise<VerifiedBytes<T>> => {
  for (let attempt = 1; ; attempt += 1) {
    const before = await readTexts(path, algorithms);
    // Stryker disable next-line ArrayDeclaration: speed only: match() computes any digest missing from `actual`
    const { bytes, ino, actual, decoded } = await readHashing(path, [...before.keys()], decode);
    const after = await readTexts(path, algorithms);
    const current = await stat(path).catch(() => undefined);
    const stable = sameTexts(before, after) && current?.ino === ino;
    const last = stable || attempt >= attempts;
    if (before.size === 0 && after.size === 0 && last) throw missing(path, algorithms);
    const result = await match(path, bytes, actual, [before, after]);
    if (!Array.isArray(result)) {
      // The digest matched: only now may a parse failure speak (damage shows as a mismatch).
      if (decoded.status === "rejected") throw decoded.reason;
      return { bytes, checksum: result, decoded: decoded.value as T };
    }
    if (last) throw mismatch(path, result[0]);
  }
};
