// Which failure codes of the lock folder's file operations mean "another process got there
// first" rather than a real failure. Pure functions of the code (and, where it differs, the
// platform), so every platform's answer is tested on any machine (lock-errno.test.ts).
// Internal to the lock: not exported from src/index.ts.

/**
 * rename(private folder → lock path) was refused because a lock is there, so the lock is
 * held (not ours) rather than broken: ENOTEMPTY (Linux) or EEXIST (POSIX allows either; some
 * BSDs) for an owner folder, ENOTDIR for a legacy lock file, and on Windows EPERM or EACCES
 * when the target folder exists.
 *
 * @example
 * renameFoundLock("ENOTEMPTY", "linux"); // true
 * renameFoundLock("EPERM", "linux"); // false: a real permission failure
 * renameFoundLock("EPERM", "win32"); // true
 */
export const renameFoundLock = (code: string | undefined, platform: NodeJS.Platform): boolean => {
  if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") return true;
  return platform === "win32" && (code === "EPERM" || code === "EACCES");
};

/**
 * rmdir(lock path) of a folder believed empty lost a race, which is fine: it is gone already
 * (ENOENT) or a new owner moved in (ENOTEMPTY, or EEXIST, which POSIX also allows).
 *
 * @example
 * rmdirLostRace("ENOTEMPTY"); // true
 * rmdirLostRace("EACCES"); // false
 */
export const rmdirLostRace = (code: string | undefined): boolean =>
  code === "ENOENT" || code === "ENOTEMPTY" || code === "EEXIST";

/**
 * unlink(lock path) of a legacy lock file found nothing to remove: it is gone already
 * (ENOENT), or the path is a folder, i.e. a current lock (EISDIR on Linux, EPERM on macOS and
 * in POSIX). EPERM is skipped on every platform, as before this function existed.
 *
 * @example
 * legacyUnlinkSkipped("EISDIR"); // true
 * legacyUnlinkSkipped("EACCES"); // false
 */
export const legacyUnlinkSkipped = (code: string | undefined): boolean =>
  code === "ENOENT" || code === "EISDIR" || code === "EPERM";
