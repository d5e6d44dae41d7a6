import { randomBytes } from "node:crypto";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { CacheWriteError, errnoCode } from "../shared/cache-write-error";
import { tempPathFor } from "../shared/temp-name";

/** How long to wait for a lock and when a held lock counts as abandoned. */
export interface LockOptions {
  /** Give up after this long. @defaultValue 60_000 */
  timeoutMs?: number;
  /** A lock older than this is abandoned even if its pid looks alive. @defaultValue 30_000 */
  staleMs?: number;
  /** Clock (ms since epoch). @defaultValue Date.now */
  now?: () => number;
  /** Waits between attempts. @defaultValue a real timer */
  sleep?: (ms: number) => Promise<void>;
  /** Whether a pid on this host is running. @defaultValue `process.kill(pid, 0)` */
  isAlive?: (pid: number) => boolean;
}

interface LockInfo {
  pid: number;
  host: string;
  createdMs: number;
  nonce: string;
}

/** True when a process with `pid` runs on this machine (EPERM still means "alive"). */
export const isPidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === "EPERM";
  }
};

const parseLock = (text: string | undefined): LockInfo | undefined => {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as LockInfo);
  } catch {
    return undefined;
  }
};

const readLock = async (path: string): Promise<string | undefined> =>
  readFile(path, "utf8").catch(() => undefined);

const isStale = (info: LockInfo | undefined, options: Required<LockOptions>): boolean => {
  if (info === undefined) return true; // never written half: locks are created by link()
  if (options.now() - info.createdMs > options.staleMs) return true;
  return info.host === hostname() && info.pid !== process.pid && !options.isAlive(info.pid);
};

// Moves a stale lock aside; if it changed since we judged it stale, we put the fresh one back.
const breakLock = async (lockPath: string, judged: string | undefined): Promise<void> => {
  const aside = tempPathFor(lockPath);
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else broke or released it first
  }
  if ((await readLock(aside)) !== judged) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
};

// Creates the lock with its content in one step: write a temp file, then link() it into place.
const tryCreate = async (lockPath: string, content: string): Promise<boolean> => {
  const temp = tempPathFor(lockPath);
  await writeFile(temp, content, { flag: "wx" });
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if (errnoCode(error) === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
};

const defaults = (options: LockOptions): Required<LockOptions> => ({
  timeoutMs: options.timeoutMs ?? 60_000,
  staleMs: options.staleMs ?? 30_000,
  now: options.now ?? Date.now,
  sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  isAlive: options.isAlive ?? isPidAlive,
});

/**
 * Takes an exclusive cross-process lock file, breaking it when its holder died (same host) or
 * it is older than `staleMs`. Resolves to a release function.
 *
 * @throws {CacheWriteError} when the lock stays busy for `timeoutMs`.
 */
export const acquireLock = async (
  lockPath: string,
  options: LockOptions = {},
): Promise<() => Promise<void>> => {
  const opts = defaults(options);
  const started = opts.now();
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    const info = {
      pid: process.pid,
      host: hostname(),
      createdMs: opts.now(),
      nonce: randomBytes(8).toString("hex"),
    };
    const content = JSON.stringify(info);
    if (await tryCreate(lockPath, content)) {
      return async () => {
        if ((await readLock(lockPath)) === content) await unlink(lockPath).catch(() => undefined);
      };
    }
    const held = await readLock(lockPath);
    if (isStale(parseLock(held), opts)) await breakLock(lockPath, held);
    else if (opts.now() - started > opts.timeoutMs) {
      throw new CacheWriteError(`Timed out waiting for lock ${lockPath}`, {
        hint: "Another process holds the lock; if none runs, delete the lock file",
        context: { path: lockPath, holder: held ?? null, timeoutMs: opts.timeoutMs },
        retryable: true,
      });
    } else await opts.sleep(delay);
  }
};
