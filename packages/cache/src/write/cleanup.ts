import { lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "@peak/errors";
import { breakIfAbandoned } from "../lock/path-lock";
import { isPidAlive } from "../lock/owner-token";
import { repairSidecars } from "./repair-sidecars";
import { rejectUnknownOptions } from "../shared/known-options";
import { classifyName } from "../shared/temp-name";

/** Options of {@link cleanup}. */
export interface CleanupOptions {
  /** Remove leftovers at least this old, whoever wrote them. @defaultValue 900_000 (15 min) */
  olderThanMs?: number;
  /** Also remove leftovers whose writer pid is no longer running on this host. @defaultValue true */
  checkPid?: boolean;
  /** Clock (ms since epoch). @defaultValue Date.now */
  now?: () => number;
  /** Whether a pid is running. @defaultValue `process.kill(pid, 0)` */
  isAlive?: (pid: number) => boolean;
  /** Finish the sidecars of writes that crashed mid-swap (see {@link cleanup}). @defaultValue true */
  repairSidecars?: boolean;
}

const CLEANUP_KEYS = ["olderThanMs", "checkPid", "now", "isAlive", "repairSidecars"];

/** What {@link cleanup} removed and repaired (absolute paths). */
export interface CleanupResult {
  /** Temp files, abandoned locks, and sidecars that no longer belong to their data. */
  removed: string[];
  /** Sidecars rewritten from two digests (mid-swap crash) to the one matching their data. */
  repaired: string[];
}

/**
 * Sweeps a cache folder (not recursive) for leftovers of crashed writers: temporary files and
 * folders (`.<name>.peaktmp-<pid>-<hex>`) and swap locks (`.<name>.peaklock/`). One is removed
 * when it is older than `olderThanMs`, or when its writer's pid is gone (same host); a lock is
 * broken with the lock's own compare-and-remove, so a lock taken meanwhile is never touched.
 * Then, under each entry's lock, it finishes every crashed swap: sidecars whose data file is
 * missing are removed, a sidecar listing two digests keeps the one matching the data, and after
 * an interrupted algorithm switch the sidecar that no longer matches is removed (when another
 * one matches; if none does, that is real corruption and stays). Afterwards each sidecar lists
 * exactly its data's digest, so `sha256sum -c` passes.
 *
 * @example
 * ```ts
 * const { removed } = await cleanup("cache", { olderThanMs: 60 * 60_000 });
 * ```
 * @throws {ConfigError} for a negative `olderThanMs` or an unknown option.
 */
export const cleanup = async (
  dir: string,
  options: CleanupOptions = {},
): Promise<CleanupResult> => {
  rejectUnknownOptions(options, CLEANUP_KEYS, "cleanup");
  const { olderThanMs = 900_000, checkPid = true, now = Date.now, isAlive = isPidAlive } = options;
  if (!(olderThanMs >= 0)) {
    throw new ConfigError(`Invalid cleanup option \`olderThanMs\`: ${olderThanMs}`, {
      hint: "Use a number of milliseconds >= 0",
      context: { option: "olderThanMs", value: olderThanMs },
    });
  }
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const kind = classifyName(name);
    if (kind.kind === "other") continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined) continue;
    if (kind.kind === "lock") {
      const lockOptions = { olderThanMs, now, isAlive, checkPid, mtimeMs: info.mtimeMs };
      // Stryker disable next-line ArrowFunction: undefined is as falsy as false here
      if (await breakIfAbandoned(path, lockOptions).catch(() => false)) removed.push(path);
      continue;
    }
    const dead = checkPid && kind.pid !== process.pid && !isAlive(kind.pid);
    if (!dead && now() - info.mtimeMs < olderThanMs) continue;
    await rm(path, { recursive: true, force: true }).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  if (options.repairSidecars === false) return { removed, repaired: [] };
  const repairs = await repairSidecars(dir, { isAlive, now });
  return { removed: [...removed, ...repairs.removed], repaired: repairs.repaired };
};
