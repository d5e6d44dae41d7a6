import { lstat, mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { fileKind } from "../read/file-kind";
import { errnoCode } from "./cache-write-error";

/**
 * Creates `dir` and its missing parents one level at a time, like `mkdir -p`. Node's own
 * recursive mkdir loops forever where the parent exists but refuses new entries (procfs, e.g.
 * `/proc/x/y`); here each level is created once and its error is returned to the caller.
 *
 * @throws the errno error of the first level that cannot be created (ENOTDIR when an ancestor
 *   is a file), so callers can wrap it in their own typed error.
 */
export const makeDirs = async (dir: string): Promise<void> => {
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const info = await stat(current).catch((error: unknown) => {
      if (errnoCode(error) === "ENOENT") return undefined;
      throw error;
    });
    if (info !== undefined) {
      if (info.isDirectory()) break;
      throw Object.assign(new Error(`${current} is a ${fileKind(info)}, not a directory`), {
        code: "ENOTDIR",
      });
    }
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST" || !(await lstat(level)).isDirectory()) throw error;
    }
  }
};
