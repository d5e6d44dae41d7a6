import { ConfigError, didYouMean } from "@peak/errors";

/**
 * Throws a `ConfigError` for the first key of `options` that is not in `known`, naming it and
 * suggesting the closest valid key (e.g. `failureTreshold` → `failureThreshold`). Keys whose
 * value is `undefined` are checked too: a typo is a typo whatever its value.
 */
export const checkKeys = (owner: string, options: object, known: readonly string[]): void => {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    throw new ConfigError(`Unknown option \`${key}\` passed to ${owner}()`, {
      hint: suggestion ?? `Valid options: ${known.join(", ")}`,
      context: { option: key, owner, known: [...known] },
    });
  }
};
