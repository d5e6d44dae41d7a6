import { parseArgs, type ParseArgsConfig } from "node:util";
import { toError } from "@peak/errors";
import { usageError } from "./cli-error";
import { VALIDATE_OPTIONS } from "./commands/validate-options";
import { flagHint } from "./flag-hint";

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  json: { type: "boolean" },
  rows: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  redis: { type: "string" },
  keep: { type: "boolean" },
  strategy: { type: "string" },
  "strategy-config": { type: "string" },
  "list-strategies": { type: "boolean" },
  inject: { type: "string" },
  strict: { type: "boolean" },
  "no-strict": { type: "boolean" },
  "require-tz": { type: "boolean" },
  "no-require-tz": { type: "boolean" },
  "allow-partial-nans": { type: "boolean" },
  ...VALIDATE_OPTIONS,
  interval: { type: "string" },
  calendar: { type: "string" },
  "max-missing-bars": { type: "string" },
  "fail-on-warnings": { type: "boolean" },
} satisfies ParseArgsConfig["options"];

/** Parses the command line; an unknown option or a missing value is a usage error (exit 2). */
export const parseCliArgs = (argv: string[]) => {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = toError(error).message;
    throw usageError(message, flagHint(message, Object.keys(OPTIONS)));
  }
};

/** Parsed command line, shared by every command. */
export type CliArgs = ReturnType<typeof parseCliArgs>;
