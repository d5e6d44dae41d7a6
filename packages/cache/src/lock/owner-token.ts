import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { errnoCode } from "../shared/cache-write-error";

/** Who holds a lock: written once, inside the lock folder, as `owner-<nonce>`. */
export interface OwnerToken {
  pid: number;
  host: string;
  /** When the holder's process started (ms since epoch), to tell a reused pid from its holder. */
  startMs: number;
  /**
   * The same moment in clock ticks since boot (Linux `/proc/<pid>/stat`), when known: unlike
   * `startMs` it does not move when the wall clock is stepped (NTP, a VM restored from a snapshot).
   */
  startTicks?: number;
  /** When the lock was taken, on the holder's clock (ms since epoch). */
  createdMs: number;
  /** 16 random hex digits, unique per acquisition: the token's file name carries it. */
  nonce: string;
}

const OWNER_PREFIX = "owner-";
const OWNER_NAME = /^owner-([0-9a-f]{16})$/;
// Node's performance.timeOrigin is the wall-clock time this process started.
const OWN_START_MS = Math.round(performance.timeOrigin);

// Linux only: when process `pid` started, in clock ticks since boot; undefined elsewhere.
const procStartTicks = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
};
// Read from /proc on the first token, not when the package is imported.
let ownStartTicks: { ticks: number | undefined } | undefined;
const ownTicks = (): number | undefined =>
  (ownStartTicks ??= { ticks: procStartTicks(process.pid) }).ticks;

/** A fresh token for this process, taken at `nowMs`. */
export const newOwnerToken = (nowMs: number): OwnerToken => {
  const startTicks = ownTicks();
  return {
    pid: process.pid,
    host: hostname(),
    startMs: OWN_START_MS,
    ...(startTicks === undefined ? {} : { startTicks }),
    createdMs: nowMs,
    nonce: randomBytes(8).toString("hex"),
  };
};

/** File name of a token inside the lock folder. */
export const ownerFileName = (token: Pick<OwnerToken, "nonce">): string =>
  `${OWNER_PREFIX}${token.nonce}`;

/** The nonce of an owner file name, or undefined for any other name. */
export const nonceOf = (name: string): string | undefined => OWNER_NAME.exec(name)?.[1];

/**
 * Parses token text; undefined when it is not a token (a foreign or damaged file). Tokens from
 * earlier versions may lack `startMs` (read as -1, unknown) and `nonce` (read as "").
 */
export const parseOwnerToken = (text: string): OwnerToken | undefined => {
  try {
    const value = { startMs: -1, nonce: "", ...(JSON.parse(text) as Partial<OwnerToken>) };
    const numbers = [value.pid, value.startMs, value.createdMs];
    // Stryker disable next-line ConditionalExpression: Number.isFinite refuses every non-number too
    if (numbers.some((n) => typeof n !== "number" || !Number.isFinite(n))) return undefined;
    if (typeof value.host !== "string" || typeof value.nonce !== "string") return undefined;
    const ticks = value.startTicks;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: Number.isFinite refuses every non-number too
    if (ticks !== undefined && !(typeof ticks === "number" && Number.isFinite(ticks))) {
      return undefined;
    }
    return value as OwnerToken;
  } catch {
    return undefined;
  }
};

/** True when a process with `pid` runs on this machine (EPERM still means "alive"). */
export const isPidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === "EPERM";
  }
};

// Linux only: when process `pid` started (ms since epoch), from /proc; undefined elsewhere.
const procStartMs = (pid: number): number | undefined => {
  try {
    const ticks = procStartTicks(pid);
    // Stryker disable next-line Regex,OptionalChaining,StringLiteral: /proc/stat has one "btime <seconds>" line, and readFileSync without an encoding gives a Buffer the regex reads the same
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: with either one unknown the sum is NaN, which holderIsDead never finds beyond the slack
    return ticks !== undefined && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
};

/** Slack for comparing /proc start times with the token's (btime has 1 s steps, clocks slew). */
const START_SLACK_MS = 10_000;

/**
 * True when the token's holder is certainly gone: same host and its pid is not running, or the
 * pid now belongs to a later process (this process with another start time, or /proc says so).
 * A token from another host is never "dead": only its age can break it.
 */
export const holderIsDead = (
  token: OwnerToken,
  isAlive: ((pid: number) => boolean) | undefined,
): boolean => {
  if (token.host !== hostname()) return false;
  if (token.pid === process.pid) return token.startMs !== OWN_START_MS;
  if (isAlive !== undefined) return !isAlive(token.pid);
  if (!isPidAlive(token.pid)) return true;
  // Boot-relative ticks when the token has them: a wall-clock step must not make a live holder
  // look like a reused pid (it broke every held lock in a stress run when the VM was restored).
  const ticks = token.startTicks === undefined ? undefined : procStartTicks(token.pid);
  if (ticks !== undefined) return ticks !== token.startTicks;
  const started = procStartMs(token.pid);
  // Stryker disable next-line ConditionalExpression: an unknown start gives NaN, never beyond the slack
  return started !== undefined && Math.abs(started - token.startMs) > START_SLACK_MS;
};
