import { createHash } from "node:crypto";

// xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/): 128-bit state, 32-bit output,
// period 2^128 - 1. Only 32-bit integer operations (Math.imul, shifts), so every platform and
// Node version produces the same sequence.

/** Name and version of the generator, recorded in {@link RngState}. */
export const RNG_ALGORITHM = "xoshiro128**/sha256-v1";

const DOMAIN = "@peak/repro:xoshiro128**:v1\0";

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** The four 32-bit state words, derived from SHA-256 of the domain tag and the seed material. */
export const stateFromMaterial = (material: string): Uint32Array => {
  // update() hashes a string as its UTF-8 bytes.
  const digest = createHash("sha256")
    .update(DOMAIN + material)
    .digest();
  const state = new Uint32Array(4);
  // Stryker disable next-line EqualityOperator: a fifth word lands past the end of the Uint32Array and is dropped
  for (let i = 0; i < 4; i++) state[i] = digest.readUInt32LE(i * 4);
  // An all-zero state would stick at zero forever; 2^-128 odds, but cheap to rule out.
  // Stryker disable next-line ConditionalExpression: no test can find a seed whose SHA-256 starts with 16 zero bytes
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
};

/** Advances `s` in place and returns the next unsigned 32-bit output. */
export const nextUint32 = (s: Uint32Array): number => {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const s2 = s[2]! ^ s0;
  const s3 = s[3]! ^ s1;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  s[0] = s0 ^ s3;
  s[1] = s1 ^ s2;
  s[2] = s2 ^ (s1 << 9);
  s[3] = rotl(s3, 11);
  return result;
};

/** A float in [0, 1) with 53 random bits, from two 32-bit outputs (27 high + 26 low bits). */
export const nextFloat53 = (s: Uint32Array): number => {
  const high = nextUint32(s) >>> 5;
  const low = nextUint32(s) >>> 6;
  return (high * 67_108_864 + low) / 9_007_199_254_740_992;
};
