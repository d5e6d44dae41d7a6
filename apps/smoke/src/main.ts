import { readFileSync } from "node:fs";
import { isPeakTradeError, toError } from "@peak/errors";
import { parseCliArgs } from "./cli-args";
import { EXIT, usageError } from "./cli-error";
import { COMMAND_HELP, MAIN_HELP } from "./help";
import { exitCleanlyOnSignals } from "./signals/exit-on-signal";
import { jsonError } from "./json-error";
import { cliText } from "./commands/validate-hints";

const version = (): string => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
};

async function dispatch(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  const [given, ...rest] = args.positionals;
  const command = given ?? "run";
  if (args.values.version) return print(`peak-smoke ${version()}`);
  if (args.values.help) return print(COMMAND_HELP[given ?? ""] ?? MAIN_HELP);
  switch (command) {
    // Each command is loaded when run: `validate` never loads the cache, resilience or redis code.
    case "run":
      return (await import("./commands/run")).runCommand(args, rest);
    case "validate":
      return (await import("./commands/validate")).validateCommand(args, rest);
    case "verify":
      return (await import("./commands/verify")).verifyCommand(args, rest);
    case "strategies":
      return (await import("./commands/strategies")).strategiesCommand(args, rest);
    case "help":
      return print(COMMAND_HELP[rest[0] ?? ""] ?? MAIN_HELP);
    default:
      throw usageError(
        `Unknown command \`${command}\``,
        "Commands: run, validate, verify, strategies.",
      );
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

exitCleanlyOnSignals();
process.exitCode = await main(process.argv.slice(2));
