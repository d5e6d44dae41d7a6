import { createRng, type Rng } from "./rng";
import type { Seed } from "./seed";

/**
 * Replaces `Math.random` with a generator seeded by `seed` (the same stream as
 * `createRng(seed).next()`), and returns a function that puts the previous `Math.random` back.
 * This affects every library in the process: prefer passing a {@link Rng} explicitly and use
 * this only for code you cannot change. Calling the restore function twice is harmless.
 * Pass an {@link Rng} (e.g. `rng.fork("Math.random")`) to drive `Math.random` from a stream.
 *
 * @throws {@link ConfigError} for an invalid seed (see {@link Seed}).
 * @example
 * ```ts
 * const restore = setGlobalSeed(42);
 * try {
 *   runLegacyCodeThatCallsMathRandom();
 * } finally {
 *   restore();
 * }
 * ```
 */
export const setGlobalSeed = (seed: Seed | Rng): (() => void) => {
  const rng = typeof seed === "object" && seed !== null ? seed : createRng(seed);
  const previous = Math.random;
  const seeded = (): number => rng.next();
  Math.random = seeded;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    // Only undo our own patch: if someone replaced it since, leave theirs in place.
    if (Math.random === seeded) Math.random = previous;
  };
};
