import { mkdirSync, statSync, statfsSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { ConfigError } from "@peak/errors";

// statfs magic numbers of kernel file systems where Node's recursive mkdir never returns.
const VIRTUAL_FS = new Map([
  [0x9fa0, "procfs"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x1cd1, "devpts"],
]);

// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const shown = (path: string) =>
  path.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

const kindOf = (info: Stats): string =>
  info.isDirectory()
    ? "directory"
    : info.isFIFO()
      ? "FIFO (named pipe)"
      : info.isSocket()
        ? "socket"
        : info.isCharacterDevice() || info.isBlockDevice()
          ? "device"
          : "special file";

const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new ConfigError(`Cannot read ${shown(path)}: ${(error as NodeJS.ErrnoException).code}`, {
      hint: "Check the path and its permissions.",
      context: { path },
    });
  }
};

/**
 * Refuses an input that is missing or not a regular file (FIFO, socket, device, directory)
 * before anything opens it, so reading never blocks.
 *
 * @throws {ConfigError} naming the path and its type (exit code 2).
 */
export const checkInputFile = (path: string, what: string): void => {
  const info = statOrUndefined(path);
  if (info === undefined) {
    throw new ConfigError(`${what} not found: ${shown(path)}`, {
      hint: "Check the path.",
      context: { path },
    });
  }
  if (!info.isFile()) {
    throw new ConfigError(`${what} ${shown(path)} is a ${kindOf(info)}, not a regular file`, {
      hint: `Pass a regular ${what.toLowerCase()}; FIFOs, sockets, devices and directories are refused.`,
      context: { path, fileType: kindOf(info) },
    });
  }
};

/**
 * Creates an output folder level by level after checking the parent chain: the nearest
 * existing ancestor must be a directory on a real file system (not procfs/sysfs, where Node's
 * recursive mkdir loops forever).
 *
 * @throws {ConfigError} naming the folder (exit code 2).
 */
export const ensureOutDir = (dir: string): void => {
  const missing: string[] = [];
  let current = dir;
  let info = statOrUndefined(current);
  while (info === undefined && dirname(current) !== current) {
    missing.unshift(current);
    current = dirname(current);
    info = statOrUndefined(current);
  }
  const fail = (why: string) =>
    new ConfigError(`--out ${shown(dir)}: ${why}`, {
      hint: "Pass a folder on a normal, writable file system, e.g. --out ./smoke-out",
      context: { path: dir },
    });
  if (info === undefined || !info.isDirectory()) throw fail(`${shown(current)} is not a directory`);
  const fs = VIRTUAL_FS.get(statfsSync(current).type);
  if (fs !== undefined) throw fail(`${shown(current)} is on ${fs}, which holds no user files`);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      throw fail(`cannot create ${shown(level)} (${(error as NodeJS.ErrnoException).code})`);
    }
  }
};
