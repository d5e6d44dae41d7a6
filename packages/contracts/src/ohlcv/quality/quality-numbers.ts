import { ConfigError } from "@peak/errors";
import type { OhlcvQualityOptions } from "./quality-types";

/** The numeric quality options. */
export type NumberKey = Exclude<
  {
    [K in keyof OhlcvQualityOptions]-?: OhlcvQualityOptions[K] extends number | undefined
      ? K
      : never;
  }[keyof OhlcvQualityOptions],
  undefined
>;

// Default, smallest allowed value and whether it must be a whole number.
export const NUMBERS: Record<NumberKey, [number | undefined, number, boolean]> = {
  intervalMs: [undefined, Number.MIN_VALUE, false],
  maxMissingBars: [1, 0, true],
  staleBars: [10, 2, true],
  zeroVolumeBars: [3, 1, true],
  jumpThreshold: [0.2, Number.MIN_VALUE, false],
  jumpRevertBars: [3, 1, true],
  volumeSpikeMultiple: [10, Number.MIN_VALUE, false],
  volumeSpikeWindow: [20, 1, true],
};

/** Throws a ConfigError about `quality.<option>`. */
export const fail = (message: string, hint: string, option: string, received: unknown): never => {
  throw new ConfigError(message, {
    hint,
    context: { option: `quality.${option}`, received: String(received) },
  });
};

/** The checked value of a numeric option, or its default. */
export const readNumber = (options: OhlcvQualityOptions, key: NumberKey): number | undefined => {
  const [fallback, min, integer] = NUMBERS[key];
  const value = options[key];
  if (value === undefined) return fallback;
  const bad =
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value));
  if (bad) {
    const kind = integer ? `a whole number >= ${min}` : "a positive finite number";
    fail(
      `Expected option \`quality.${key}\` to be ${kind}, got ${String(value)}`,
      `Pass e.g. ${key}: ${fallback ?? 60_000}`,
      key,
      value,
    );
  }
  return value;
};
