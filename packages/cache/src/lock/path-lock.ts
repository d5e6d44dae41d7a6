import { rm } from "node:fs/promises";
import { CacheWriteError, errnoCode } from "../shared/cache-write-error";
import {
  inspectLock,
  prepareOwnerFolder,
  removeLegacyFile,
  removeOwner,
  stillHeld,
  tryTake,
  type LockState,
} from "./lock-folder";
import { holderIsDead, newOwnerToken } from "./owner-token";

/** How long to wait for a lock and when a held lock counts as abandoned. */
export interface LockOptions {
  /** Give up after this long. @defaultValue 60_000 */
  timeoutMs?: number;
  /**
   * A lock held longer than this is abandoned even if its holder looks alive. The age is the
   * larger of the token's age and how long this waiter has seen that same token; a token dated
   * in the future counts only by the latter. @defaultValue 30_000
   */
  staleMs?: number;
  /** Clock (ms since epoch). @defaultValue Date.now */
  now?: () => number;
  /** Waits between attempts. @defaultValue a real timer */
  sleep?: (ms: number) => Promise<void>;
  /** Whether a pid on this host is running. @defaultValue `process.kill(pid, 0)` plus a /proc start-time check */
  isAlive?: (pid: number) => boolean;
  /** Called right after the lock is taken and right before it is released (tests, metrics). */
  trace?: (event: "acquired" | "released") => void;
}

/** A held lock. */
export interface LockHandle {
  /** Releases the lock (only this acquisition's: a lock broken meanwhile is left alone). */
  release(): Promise<void>;
  /** True while this acquisition still holds the lock. */
  held(): Promise<boolean>;
}

const KNOWN = new Set(["timeoutMs", "staleMs", "now", "sleep", "isAlive", "trace"]);
const FUTURE_SLACK_MS = 1_000;

type Resolved = Required<Omit<LockOptions, "isAlive" | "trace">> & {
  isAlive: ((pid: number) => boolean) | undefined;
};

const resolveLockOptions = (options: LockOptions): Resolved => ({
  timeoutMs: options.timeoutMs ?? 60_000,
  staleMs: options.staleMs ?? 30_000,
  now: options.now ?? Date.now,
  sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  isAlive: options.isAlive,
});

/** Option names of {@link LockOptions}, for unknown-key checks. */
export const LOCK_OPTION_KEYS: ReadonlySet<string> = KNOWN;

// Age of a lock: the token's own age (unless dated in the future: suspicious, so unknown) or how
// long this waiter has watched the very same token, whichever is larger.
const isStale = (state: LockState, opts: Resolved, firstSeenMs: number): boolean => {
  const now = opts.now();
  const watched = now - firstSeenMs;
  // Stryker disable next-line ConditionalExpression: an unreadable lock has no token either (a free one never gets here)
  const token = state.kind === "held" || state.kind === "legacy-file" ? state.token : undefined;
  if (token === undefined) return watched > opts.staleMs;
  if (holderIsDead(token, opts.isAlive)) return true;
  const created = token.createdMs;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: for a token dated after now, now - created is negative and the max is `watched` either way
  const age = created > now + FUTURE_SLACK_MS ? watched : Math.max(now - created, watched);
  return age > opts.staleMs;
};

const breakLock = async (lockPath: string, state: LockState): Promise<boolean> => {
  if (state.kind === "legacy-file") {
    await removeLegacyFile(lockPath);
    return true;
  }
  const nonce =
    state.kind === "held"
      ? state.token.nonce
      : // Stryker disable next-line ConditionalExpression: only an unreadable lock gets here (a legacy file returned above, a free lock is never broken)
        state.kind === "unreadable"
        ? state.nonce
        : undefined;
  // Stryker disable next-line ConditionalExpression: without a nonce removeOwner finds no owner file and returns false as well
  return nonce !== undefined && removeOwner(lockPath, nonce);
};

const keyOf = (state: LockState): string => {
  if (state.kind === "held") return state.token.nonce;
  if (state.kind === "unreadable") return state.nonce ?? "foreign";
  return state.kind === "legacy-file" ? state.text : "";
};

const lockFailure = (lockPath: string, error: unknown): CacheWriteError =>
  CacheWriteError.isInstance(error)
    ? error
    : new CacheWriteError(`Cannot take the lock ${lockPath}`, {
        hint: "Check free space and that the cache folder is writable by this user",
        context: { path: lockPath, errorCode: errnoCode(error) ?? "UNKNOWN" },
        cause: error,
      });

const timedOut = (lockPath: string, state: LockState, timeoutMs: number) =>
  new CacheWriteError(`Timed out waiting for lock ${lockPath}`, {
    hint: "Another process holds the lock; if none runs, run cleanup() or delete the lock folder",
    context: {
      path: lockPath,
      holder: state.kind === "held" ? state.text : state.kind,
      timeoutMs,
      errorCode: "LOCK_TIMEOUT",
    },
    retryable: true,
  });

/**
 * Takes the exclusive cross-process lock at `lockPath` (a folder, see lock-folder.ts for why it
 * excludes), breaking it exactly once when its holder died on this host or it went stale.
 *
 * @throws {CacheWriteError} when the lock stays busy for `timeoutMs` (`errorCode`
 *   `"LOCK_TIMEOUT"`, retryable) or the folder cannot be written (`errorCode` such as `"EACCES"`).
 */
export const acquireLock = async (
  lockPath: string,
  options: LockOptions = {},
): Promise<LockHandle> => {
  const opts = resolveLockOptions(options);
  const started = opts.now();
  const token = newOwnerToken(started);
  let folder: string | undefined;
  try {
    folder = await prepareOwnerFolder(lockPath, token);
    const seen = new Map<string, number>();
    for (let delay = 1; ; ) {
      if (await tryTake(folder, lockPath)) break;
      const state = await inspectLock(lockPath);
      if (state.kind === "free") continue;
      const firstSeen = seen.get(keyOf(state)) ?? opts.now();
      seen.set(keyOf(state), firstSeen);
      if (isStale(state, opts, firstSeen) && (await breakLock(lockPath, state))) continue;
      if (opts.now() - started > opts.timeoutMs) throw timedOut(lockPath, state, opts.timeoutMs);
      await opts.sleep(delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, 8);
    }
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: rm of an undefined path rejects, and the rejection is caught
    if (folder !== undefined)
      // Stryker disable next-line BooleanLiteral: the folder exists (made above), so force changes nothing
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw lockFailure(lockPath, error);
  }
  options.trace?.("acquired");
  return {
    release: async () => {
      options.trace?.("released");
      await removeOwner(lockPath, token.nonce).catch(() => undefined);
    },
    held: () => stillHeld(lockPath, token.nonce),
  };
};

/**
 * One look at `lockPath` for `cleanup`: breaks the lock when its holder is dead on this host or
 * it is older than `olderThanMs` (by its token, else by `mtimeMs`; a token dated in the future is
 * left alone). Returns true when it removed a lock.
 */
export const breakIfAbandoned = async (
  lockPath: string,
  options: {
    olderThanMs: number;
    now: () => number;
    checkPid: boolean;
    mtimeMs: number;
    isAlive?: ((pid: number) => boolean) | undefined;
  },
): Promise<boolean> => {
  const state = await inspectLock(lockPath);
  // Stryker disable next-line ConditionalExpression,StringLiteral: breakLock of a free lock has no nonce and returns false as well
  if (state.kind === "free") return false;
  // Stryker disable next-line ConditionalExpression: an unreadable lock has no token either
  const token = state.kind === "held" || state.kind === "legacy-file" ? state.token : undefined;
  const dead = options.checkPid && token !== undefined && holderIsDead(token, options.isAlive);
  const age = options.now() - (token?.createdMs ?? options.mtimeMs);
  return (dead || age >= options.olderThanMs) && breakLock(lockPath, state);
};
