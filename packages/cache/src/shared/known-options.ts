import { ConfigError, didYouMean } from "@peak/errors";

/**
 * Rejects keys of an options object that `where` does not know, so a typo such as
 * `verifyChecksums` fails loudly instead of being ignored.
 *
 * @throws {ConfigError} naming the first unknown key, with the closest valid one as hint.
 */
export const rejectUnknownOptions = (
  options: object | undefined,
  known: readonly string[],
  where: string,
): void => {
  if (typeof options !== "object" || options === null) return;
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    throw new ConfigError(`Unknown ${where} option \`${key}\``, {
      hint: suggestion ?? `Valid options: ${known.join(", ")}`,
      context: { option: key, where, valid: known.join(", ") },
    });
  }
};
