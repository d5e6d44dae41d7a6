import { ConfigError } from "@peak/errors";
import { isWellFormed, typeOf } from "../hash/value-type";

/**
 * A seed for {@link createRng}: a non-negative safe integer, a non-negative `bigint`, or a
 * non-empty well-formed string. The whole seed counts: `0`, `2 ** 32` and `"0"` give three
 * different streams (`42` and `42n` are the same integer and give the same stream).
 */
export type Seed = number | bigint | string;

const hint =
  "Pass a non-negative safe integer (0 ≤ n ≤ 2^53 - 1), a non-negative bigint, or a non-empty string";

const fail = (reason: string, seed: unknown, name: string): never => {
  throw new ConfigError(`Invalid ${name}: ${reason}`, {
    hint,
    context: { [name]: describe(seed) },
  });
};

const describe = (value: unknown): string =>
  typeof value === "bigint" ? `${value}n` : String(value);

/**
 * Checks a seed and returns its canonical text: `i:<decimal>` for integers, `s:<text>` for strings.
 * Integers and strings never collide (`42` and `"42"` differ on purpose).
 *
 * @throws {@link ConfigError} for NaN, ±Infinity, fractions, negatives, unsafe integers, empty or
 * ill-formed strings and anything that is no number, bigint or string; `name` is the option name.
 */
export const encodeSeed = (seed: unknown, name = "seed"): string => {
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) return fail(`${seed} is not a seed`, seed, name);
    if (!Number.isInteger(seed)) return fail(`${seed} is not an integer`, seed, name);
    if (seed < 0) return fail(`${seed} is negative`, seed, name);
    if (!Number.isSafeInteger(seed)) {
      return fail(`${seed} is above Number.MAX_SAFE_INTEGER; pass it as a bigint`, seed, name);
    }
    return `i:${seed}`;
  }
  if (typeof seed === "bigint") {
    if (seed < 0n) return fail(`${seed}n is negative`, seed, name);
    return `i:${seed}`;
  }
  if (typeof seed === "string") {
    if (seed.length === 0) return fail("the empty string is not a seed", seed, name);
    if (!isWellFormed(seed)) return fail("the string has a lone surrogate", seed, name);
    return `s:${seed}`;
  }
  return fail(`expected a number, bigint or string, got ${typeOf(seed)}`, seed, name);
};
