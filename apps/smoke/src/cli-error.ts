import { ConfigError } from "@peak/errors";

/** Exit codes of peak-smoke, as documented in `--help`. */
export const EXIT = { ok: 0, violations: 1, unreadable: 2 } as const;

/** A bad command line: printed with its hint, exit code 2. */
export const usageError = (message: string, hint: string): ConfigError =>
  new ConfigError(message, { hint, context: { argv: process.argv.slice(2) } });
