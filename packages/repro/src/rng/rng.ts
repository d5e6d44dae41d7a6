import { ConfigError } from "@peak/errors";
import { encodeSeed, type Seed } from "./seed";
import { RNG_ALGORITHM, nextFloat53, nextUint32, stateFromMaterial } from "./xoshiro128";
import { drawInt } from "./rng-int";

/** A snapshot of a generator: enough to resume it later with {@link restoreRng}. */
export interface RngState {
  /** Generator and derivation version, see `RNG_ALGORITHM`. */
  readonly algorithm: string;
  /** The seed material (canonical seed plus fork names) that `fork()` derives from. */
  readonly material: string;
  /** The four 32-bit state words. */
  readonly words: readonly [number, number, number, number];
}

/** A seeded generator: identical sequences for identical seeds on every platform. */
export interface Rng {
  /** A float in [0, 1) with 53 random bits. */
  next(): number;
  /** An unsigned 32-bit integer. */
  nextUint32(): number;
  /**
   * A uniform integer in [min, max], both inclusive, without modulo bias (rejection sampling).
   * @throws {@link ConfigError} when min or max is no safe integer, min > max, or the range exceeds 2^53.
   */
  int(min: number, max: number): number;
  /**
   * A normal sample (Box–Muller, no cached spare).
   * @defaultValue mean 0, sd 1
   * @throws {@link ConfigError} when mean is not finite or sd is negative or not finite.
   */
  normal(mean?: number, sd?: number): number;
  /**
   * An independent generator for `name`, derived by hashing this generator's seed material and
   * the name. It does not depend on how many values were drawn, and does not advance this one.
   * @throws {@link ConfigError} when name is not a non-empty string.
   */
  fork(name: string): Rng;
  /** A copy at the same position; drawing from one does not move the other. */
  clone(): Rng;
  /** A JSON-safe snapshot of the current position. */
  state(): RngState;
}

/**
 * Creates a seeded generator (xoshiro128**, state = SHA-256 of a domain tag and the canonical seed).
 *
 * @throws {@link ConfigError} when the seed is NaN, fractional, negative, unsafe or of another type.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.next(); // float in [0, 1)
 * rng.int(1, 6); // a die roll
 * const worker = rng.fork("worker-3"); // its own stream
 * ```
 */
export const createRng = (seed: Seed): Rng => {
  const material = encodeSeed(seed);
  return makeRng(material, stateFromMaterial(material));
};

/**
 * Resumes a generator from {@link Rng.state}.
 * @throws {@link ConfigError} when the snapshot is malformed or from another algorithm.
 */
export const restoreRng = (state: RngState): Rng => {
  const words: unknown = state?.words;
  const valid =
    state?.algorithm === RNG_ALGORITHM &&
    typeof state.material === "string" &&
    Array.isArray(words) &&
    words.length === 4 &&
    words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff_ffff) &&
    words.some((w) => w !== 0);
  if (!valid) {
    throw new ConfigError("Invalid RNG state", {
      hint: `Pass an object returned by rng.state() (algorithm "${RNG_ALGORITHM}")`,
      context: { algorithm: String(state?.algorithm) },
    });
  }
  return makeRng(state.material, Uint32Array.from(words as number[]));
};

const makeRng = (material: string, s: Uint32Array): Rng => ({
  next: () => nextFloat53(s),
  nextUint32: () => nextUint32(s),
  int: (min, max) => drawInt(s, min, max),
  normal: (mean = 0, sd = 1) => normal(s, mean, sd),
  fork: (name) => {
    if (typeof name !== "string" || name === "") {
      throw new ConfigError("rng.fork(name) needs a non-empty string", {
        hint: 'Name the stream, e.g. rng.fork("worker-1")',
        context: { name: String(name) },
      });
    }
    const child = `${material}/${JSON.stringify(name)}`;
    return makeRng(child, stateFromMaterial(child));
  },
  clone: () => makeRng(material, Uint32Array.from(s)),
  state: () => ({ algorithm: RNG_ALGORITHM, material, words: [s[0]!, s[1]!, s[2]!, s[3]!] }),
});

const normal = (s: Uint32Array, mean: number, sd: number): number => {
  if (!Number.isFinite(mean) || !Number.isFinite(sd) || sd < 0) {
    throw new ConfigError(`rng.normal(mean, sd) got mean ${mean}, sd ${sd}`, {
      hint: "Pass a finite mean and a finite, non-negative standard deviation",
      context: { mean, sd },
    });
  }
  const u1 = 1 - nextFloat53(s); // (0, 1]: log never sees 0
  const u2 = nextFloat53(s);
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
};
