import { ConfigError } from "../config-error";
import { didYouMean } from "./did-you-mean";

/**
 * Throws a {@link ConfigError} for the first key of `options` that is not in `known`, naming the
 * key (with `prefix`, e.g. `"insurance."`) and suggesting the closest valid one, so a typo such as
 * `failureTreshold` never passes silently. `undefined` or `null` options pass.
 *
 * @example
 * ```ts
 * assertKnownKeys({ recoveryTimeout: 5_000 }, ["failureThreshold", "recoveryTimeoutMs"], {
 *   owner: "circuitBreaker",
 * });
 * // ConfigError: circuitBreaker: unknown option `recoveryTimeout`
 * //   hint: Did you mean `recoveryTimeoutMs`?
 * ```
 */
export const assertKnownKeys = (
  options: object | null | undefined,
  known: readonly string[],
  { owner, prefix = "" }: { owner: string; prefix?: string },
): void => {
  if (options === null || options === undefined) return;
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    throw new ConfigError(`${owner}: unknown option \`${prefix}${key}\``, {
      hint: suggestion ?? `Valid options: ${known.map((k) => `\`${prefix}${k}\``).join(", ")}`,
      context: { owner, option: `${prefix}${key}`, known: [...known] },
    });
  }
};
