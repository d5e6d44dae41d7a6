// What peak-smoke must remove when it stops early: temp folders it created, and the temporary
// files and swap locks this process left in the folders it writes to.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const ownedDirs = new Set<string>();
const sweptDirs = new Set<string>();

/** Removes `dir` with everything in it if the process is interrupted (a folder we created). */
export const removeOnInterrupt = (dir: string): void => void ownedDirs.add(dir);

/** Removes only this process's leftovers in `dir` if interrupted (a folder the user named). */
export const sweepOnInterrupt = (dir: string): void => void sweptDirs.add(dir);

/** Stops tracking `dir` (it was removed, or is kept on purpose). */
export const forgetOnInterrupt = (dir: string): void => {
  ownedDirs.delete(dir);
  sweptDirs.delete(dir);
};

const ownLock = (path: string): boolean => {
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown; host?: unknown };
    return info.pid === process.pid && info.host === hostname();
  } catch {
    return false;
  }
};

/** This process's `.<name>.peaktmp-<pid>-<hex>` files and `.<name>.peaklock` locks in `dir`. */
export const ownLeftovers = (dir: string): string[] => {
  const tempMarker = `.peaktmp-${process.pid}-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith("."))
    .map((name) => ({ name, path: join(dir, name) }))
    .filter(
      ({ name, path }) =>
        name.includes(tempMarker) || (name.endsWith(".peaklock") && ownLock(path)),
    )
    .map(({ path }) => path);
};

// A write still in flight may create a file while the folder is being removed: retry then.
const remove = (path: string): void => {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 5 });
  } catch {
    // best effort: the process is exiting
  }
};

/** Removes everything registered, synchronously (safe inside a signal handler); never throws. */
export const removeRegistered = (): void => {
  for (const dir of sweptDirs) ownLeftovers(dir).forEach(remove);
  ownedDirs.forEach(remove);
  ownedDirs.clear();
  sweptDirs.clear();
};
