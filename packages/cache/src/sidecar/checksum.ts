import { createHash } from "node:crypto";
import { ConfigError } from "@peak/errors";

/** Digest algorithms for sidecars: SHA-256 (standard, `sha256sum -c`), xxh3 or blake3 (fast). */
export type ChecksumAlgorithm = "sha256" | "xxh3" | "blake3";

/** Every supported algorithm, in the order `atomicRead` looks for sidecars. */
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ["sha256", "blake3", "xxh3"];

/** Hex length of each algorithm's digest. */
export const DIGEST_HEX_LENGTH: Readonly<Record<ChecksumAlgorithm, number>> = {
  sha256: 64,
  blake3: 64,
  xxh3: 16,
};

/** An incremental hasher: feed chunks, then read the lower-case hex digest once. */
export interface Digester {
  update(chunk: Uint8Array): void;
  digest(): string;
}

/** Bytes hashed per `update` call when hashing a large buffer (large chunks keep SHA-256 fast). */
export const HASH_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Creates an incremental hasher. SHA-256 uses node:crypto; xxh3 and blake3 load hash-wasm
 * lazily (only the first call pays for the WebAssembly module).
 *
 * @throws {ConfigError} for an unknown algorithm name.
 */
export const createDigester = async (algorithm: ChecksumAlgorithm): Promise<Digester> => {
  switch (algorithm) {
    case "sha256": {
      const hash = createHash("sha256");
      return { update: (chunk) => void hash.update(chunk), digest: () => hash.digest("hex") };
    }
    case "xxh3":
    case "blake3": {
      const wasm = await import("hash-wasm");
      const hasher = algorithm === "xxh3" ? await wasm.createXXHash3() : await wasm.createBLAKE3();
      hasher.init();
      return { update: (chunk) => void hasher.update(chunk), digest: () => hasher.digest("hex") };
    }
    default:
      throw new ConfigError(`Unknown checksum algorithm ${JSON.stringify(algorithm)}`, {
        hint: `Use one of ${CHECKSUM_ALGORITHMS.join(", ")} (or true for sha256)`,
        context: { algorithm },
      });
  }
};

/**
 * Hashes an in-memory buffer in {@link HASH_CHUNK_BYTES} chunks and returns lower-case hex.
 *
 * @example
 * ```ts
 * const hex = await computeChecksum(new TextEncoder().encode("abc"), "sha256");
 * // "ba7816bf…"
 * ```
 * @throws {ConfigError} for an unknown algorithm name.
 */
export const computeChecksum = async (
  bytes: Uint8Array,
  algorithm: ChecksumAlgorithm = "sha256",
): Promise<string> => {
  const digester = await createDigester(algorithm);
  for (let offset = 0; offset < bytes.length; offset += HASH_CHUNK_BYTES) {
    digester.update(bytes.subarray(offset, offset + HASH_CHUNK_BYTES));
  }
  return digester.digest();
};
