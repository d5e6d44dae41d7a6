import { createHash } from "node:crypto";
import { assertKnownKeys, ConfigError } from "@peak/errors";
import { stableStringify } from "./stable-stringify";

/** Digest algorithms {@link stableHash} accepts. */
export type StableHashAlgorithm = "sha256" | "sha384" | "sha512";

/** Options of {@link stableHash}. */
export interface StableHashOptions {
  /**
   * Return only the first 16 hex characters, the length the original Python `stable_hash_dict`
   * used for config hashes.
   * @defaultValue false
   */
  short?: boolean | undefined;
  /**
   * Digest algorithm.
   * @defaultValue "sha256"
   */
  algorithm?: StableHashAlgorithm | undefined;
}

const ALGORITHMS: readonly string[] = ["sha256", "sha384", "sha512"];

/** Length of the short form: 16 hex characters (64 bits). */
export const SHORT_HASH_LENGTH = 16;

/**
 * Hashes a JSON value: lower-case hex SHA-256 of the UTF-8 bytes of {@link stableStringify}.
 * Key order never changes the result. For configs whose JCS text equals the original Python
 * canonical text (integers, strings, booleans, null, ASCII, most floats) the short form equals
 * the original `stable_hash_dict`; see {@link legacyPythonHash} for the rest.
 *
 * @throws {@link ConfigError} naming the JSON path of an unsupported value (see
 * {@link stableStringify}), or for an unknown algorithm.
 * @example
 * ```ts
 * stableHash({ seed: 42, strategy: "ma_crossover" }, { short: true }); // "d2df892c28a5d668"
 * ```
 */
export const stableHash = (value: unknown, options: StableHashOptions = {}): string => {
  assertKnownKeys(options, ["short", "algorithm"], { owner: "stableHash" });
  const algorithm = options.algorithm ?? "sha256";
  if (!ALGORITHMS.includes(algorithm)) {
    throw new ConfigError(`Unknown hash algorithm "${String(algorithm)}"`, {
      hint: `Use one of ${ALGORITHMS.join(", ")}`,
      context: { algorithm: String(algorithm) },
    });
  }
  return digest(stableStringify(value), algorithm, options.short === true);
};

/** Hex digest of UTF-8 text, optionally cut to {@link SHORT_HASH_LENGTH}. */
export const digest = (text: string, algorithm: string, short: boolean): string => {
  // Stryker disable next-line StringLiteral: an empty encoding also means UTF-8 for a string
  const hex = createHash(algorithm).update(text, "utf8").digest("hex");
  return short ? hex.slice(0, SHORT_HASH_LENGTH) : hex;
};
