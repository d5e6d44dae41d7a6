import { didYouMean } from "@peak/errors";

/** A hint for a mistyped flag: the closest known flag, else a pointer to `--help`. */
export const flagHint = (message: string, known: readonly string[]): string => {
  const given = /'(-{1,2}[^'\s]+)'/.exec(message)?.[1];
  const flags = known.map((k) => `--${k}`);
  const near = given === undefined ? undefined : didYouMean(given, flags);
  return near === undefined
    ? "Run `peak-smoke --help` for the options."
    : `${near} Run \`peak-smoke --help\` for the options.`;
};
