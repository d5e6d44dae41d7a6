import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";

const inside = (dir: string, target: string): boolean => {
  const rel = relative(dir, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
};

/**
 * The POSIX relative path of `path` (relative to `dir` or absolute) if it stays inside `dir`,
 * both as written and after resolving symlinks; otherwise a reason.
 */
export const entryPathFor = async (
  dir: string,
  path: string,
): Promise<{ ok: true; rel: string; abs: string } | { ok: false; reason: string }> => {
  const abs = resolve(dir, path);
  if (!inside(dir, abs)) return { ok: false, reason: "outside the manifest folder" };
  const real = await realpath(abs).catch(() => undefined);
  if (real === undefined) return { ok: false, reason: "missing" };
  if (!inside(await realpath(dir), real))
    return { ok: false, reason: "a symlink out of the folder" };
  return { ok: true, rel: relative(dir, abs).split(sep).join("/"), abs };
};

/** Why a stored entry path is unacceptable (absolute, `..`, backslash, empty), or undefined. */
export const storedPathProblem = (path: string): string | undefined => {
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "absolute";
  if (path.includes("\\")) return "not a POSIX path";
  if (path.split("/").some((part) => part === ".." || part === "." || part === "")) {
    return "not a normalised relative path";
  }
  return undefined;
};

/** True when `abs` (an existing file) resolves, through symlinks, to somewhere inside `dir`. */
export const staysInside = async (dir: string, abs: string): Promise<boolean> => {
  const real = await realpath(abs).catch(() => undefined);
  return real === undefined || inside(await realpath(dir), real);
};
