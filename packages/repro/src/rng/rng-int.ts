import { ConfigError } from "@peak/errors";
import { nextUint32 } from "./xoshiro128";

const TWO_32 = 4_294_967_296;
const TWO_53 = 9_007_199_254_740_992;

/**
 * A uniform integer in [min, max] by rejection sampling: draws falling in the incomplete last
 * block of the 32-bit (or 53-bit) space are thrown away, so no value is favoured.
 */
export const drawInt = (s: Uint32Array, min: number, max: number): number => {
  checkBounds(min, max);
  const range = max - min + 1;
  if (range <= TWO_32) {
    const limit = TWO_32 - (TWO_32 % range);
    let x = nextUint32(s);
    while (x >= limit) x = nextUint32(s);
    return min + (x % range);
  }
  const limit = TWO_53 - (TWO_53 % range);
  let x = draw53(s);
  while (x >= limit) x = draw53(s);
  return min + (x % range);
};

const draw53 = (s: Uint32Array): number => (nextUint32(s) >>> 11) * TWO_32 + nextUint32(s);

const checkBounds = (min: number, max: number): void => {
  let reason: string | undefined;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
    reason = "min and max must be safe integers";
  } else if (min > max) {
    reason = "min must not exceed max";
  } else if (max - min >= TWO_53) {
    reason = "max - min must be below 2^53";
  }
  if (reason !== undefined) {
    throw new ConfigError(`rng.int(${min}, ${max}): ${reason}`, {
      hint: "Pass two safe integers with min ≤ max, e.g. rng.int(1, 6)",
      context: { min, max },
    });
  }
};
