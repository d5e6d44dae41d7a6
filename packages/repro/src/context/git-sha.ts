import { execFile, execFileSync } from "node:child_process";
import { assertKnownKeys, ConfigError } from "@peak/errors";

/** Options of {@link getGitSha} and {@link getGitShaSync}. */
export interface GitShaOptions {
  /**
   * `true` for the first 7 hex characters (the original's length, but always exactly 7), a number
   * for that many characters (4–64), `false` for the full SHA.
   * @defaultValue false
   */
  short?: boolean | number | undefined;
  /**
   * Folder to ask git about.
   * @defaultValue process.cwd()
   */
  cwd?: string | undefined;
  /**
   * Time limit for the git process; on expiry it is killed and the result is null.
   * @defaultValue 1000
   */
  timeoutMs?: number | undefined;
  /**
   * Environment for git (its PATH decides which git runs). `GIT_DIR` and `GIT_WORK_TREE` are
   * always removed, so `cwd` alone decides the repository.
   * @defaultValue process.env
   */
  env?: NodeJS.ProcessEnv | undefined;
}

const ARGS = ["rev-parse", "--verify", "--quiet", "HEAD"];
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// For the sync git's stdin and stderr: it reads nothing and its messages stay out of ours.
// Stryker disable next-line StringLiteral: Node treats an empty stdio entry as "ignore" too
const IGNORE = "ignore";

/**
 * The commit checked out in `cwd`, or null when git is missing, the folder is no repository,
 * the repository has no commit yet, or git takes longer than `timeoutMs`. Git problems never
 * reject.
 *
 * @throws {@link ConfigError} (as a rejection) only for invalid options.
 * @example
 * ```ts
 * const sha = await getGitSha({ short: 12 }); // "3f2a9c41b7de" or null
 * ```
 */
export const getGitSha = async (options: GitShaOptions = {}): Promise<string | null> => {
  const { length, spawn } = prepare(options);
  return await new Promise((resolve) => {
    execFile("git", ARGS, spawn, (error, stdout) => {
      resolve(error ? null : parse(stdout, length));
    });
  });
};

/**
 * Synchronous {@link getGitSha}: blocks the event loop for up to `timeoutMs`.
 * @throws {@link ConfigError} only for invalid options.
 */
export const getGitShaSync = (options: GitShaOptions = {}): string | null => {
  const { length, spawn } = prepare(options);
  try {
    return parse(execFileSync("git", ARGS, { ...spawn, stdio: [IGNORE, "pipe", IGNORE] }), length);
  } catch {
    return null;
  }
};

const parse = (stdout: string, length: number): string | null => {
  const sha = stdout.trim();
  return SHA.test(sha) ? sha.slice(0, length) : null;
};

const prepare = (options: GitShaOptions) => {
  assertKnownKeys(options, ["short", "cwd", "timeoutMs", "env"], { owner: "getGitSha" });
  const { short = false, cwd = process.cwd(), timeoutMs = 1000 } = options;
  const length = short === true ? 7 : short === false ? 64 : short;
  if (!Number.isInteger(length) || length < 4 || length > 64) {
    throw invalid("short", short, "Pass true (7 characters), false, or an integer from 4 to 64");
  }
  if (typeof cwd !== "string" || cwd === "") throw invalid("cwd", cwd, "Pass a folder path");
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw invalid("timeoutMs", timeoutMs, "Pass a positive number of milliseconds, e.g. 1000");
  }
  const env = { ...(options.env ?? process.env) };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  const spawn = {
    cwd,
    env,
    timeout: timeoutMs,
    killSignal: "SIGKILL" as const,
    encoding: "utf8" as const,
    // Stryker disable next-line BooleanLiteral: windowsHide only changes anything on Windows; the tests run on Linux
    windowsHide: true,
  };
  return { length, spawn };
};

const invalid = (option: string, value: unknown, hint: string): ConfigError =>
  new ConfigError(`Invalid getGitSha option \`${option}\`: ${String(value)}`, {
    hint,
    context: { option, value: String(value) },
  });
