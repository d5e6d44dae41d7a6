import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isPeakTradeError, toError } from "@peak/errors";
import { EXIT, usageError } from "./cli-error";
import { runCommand } from "./commands/run";
import { validateCommand } from "./commands/validate";
import { verifyCommand } from "./commands/verify";
import { VALIDATE_OPTIONS } from "./commands/validate-flags";
import { flagHint } from "./flag-hint";
import { jsonError } from "./json-error";
import { cliText } from "./commands/validate-hints";
import { COMMAND_HELP, MAIN_HELP } from "./help";

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  json: { type: "boolean" },
  rows: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  redis: { type: "string" },
  strict: { type: "boolean" },
  "no-strict": { type: "boolean" },
  "require-tz": { type: "boolean" },
  "no-require-tz": { type: "boolean" },
  "allow-partial-nans": { type: "boolean" },
  ...VALIDATE_OPTIONS,
} satisfies ParseArgsConfig["options"];

/** Parsed command line, shared by every command. */
export type CliArgs = ReturnType<typeof parse>;

const parse = (argv: string[]) => {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = toError(error).message;
    throw usageError(message, flagHint(message, Object.keys(OPTIONS)));
  }
};

const version = (): string => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
};

async function dispatch(argv: string[]): Promise<number> {
  const args = parse(argv);
  const [given, ...rest] = args.positionals;
  const command = given ?? "run";
  if (args.values.version) return print(`peak-smoke ${version()}`);
  if (args.values.help) return print(COMMAND_HELP[given ?? ""] ?? MAIN_HELP);
  switch (command) {
    case "run":
      return runCommand(args, rest);
    case "validate":
      return validateCommand(args, rest);
    case "verify":
      return verifyCommand(args, rest);
    case "help":
      return print(COMMAND_HELP[rest[0] ?? ""] ?? MAIN_HELP);
    default:
      throw usageError(`Unknown command \`${command}\``, "Commands: run, validate, verify.");
  }
}

const print = (text: string): number => {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
};

/** Entry point: runs the command line and sets the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    if (argv.includes("--json")) {
      process.stdout.write(jsonError(error));
      return EXIT.unreadable;
    }
    const message = isPeakTradeError(error) ? cliText(error.toString()) : toError(error).stack;
    process.stderr.write(`peak-smoke: ${message}\n`);
    return EXIT.unreadable;
  }
}

process.exitCode = await main(process.argv.slice(2));
