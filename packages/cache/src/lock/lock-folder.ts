// The lock is a folder `.<name>.peaklock/` holding exactly one file, `owner-<nonce>`, whose
// JSON is the holder's token. Why this admits one holder at a time:
// 1. The owner file only ever appears by rename(2) of a complete private folder onto the lock
//    path, which is atomic and fails (ENOTEMPTY/EEXIST) while any owner file is there, so two
//    owner files never coexist and the one that is there names the only holder.
// 2. An owner file is only removed by unlinking its own unique name, by its holder on release or
//    by a contender that judged exactly that token stale, so at most one unlink of a token
//    succeeds and nobody can remove a lock taken after they judged (no check-then-act gap).
// 3. A folder left empty (a holder died between its unlink and its rmdir) holds no owner and is
//    replaced by the next rename or removed by rmdir(2), which only ever removes empty folders.
// The limit is the judgement itself: a live holder whose lock is older than `staleMs` (paused,
// or on another host with a skewed clock) is broken; see the README's crash-safety section.
import { mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { errnoCode } from "../shared/cache-write-error";
import { tempPathFor } from "../shared/temp-name";
import { legacyUnlinkSkipped, renameFoundLock, rmdirLostRace } from "./lock-errno";
import { nonceOf, ownerFileName, parseOwnerToken, type OwnerToken } from "./owner-token";

/** What the lock path holds right now. */
export type LockState =
  | { kind: "free" }
  | { kind: "held"; token: OwnerToken; text: string }
  /** An owner file we cannot parse, or (no nonce) a folder of foreign files: judged by age only. */
  | { kind: "unreadable"; nonce?: string }
  /** A plain file: a lock left by an earlier @peak/cache (it used link()); its token if readable. */
  | { kind: "legacy-file"; text: string; token?: OwnerToken };

const quietly = async (work: Promise<unknown>, skip: (code: string | undefined) => boolean) => {
  try {
    await work;
  } catch (error) {
    if (!skip(errnoCode(error))) throw error;
  }
};

/** Writes the token into a private folder beside the lock; returns that folder. */
export const prepareOwnerFolder = async (lockPath: string, token: OwnerToken): Promise<string> => {
  const folder = tempPathFor(lockPath);
  await mkdir(folder);
  try {
    // Stryker disable next-line ObjectLiteral,StringLiteral: the folder was made just above, so there is no file for "wx" to refuse
    await writeFile(join(folder, ownerFileName(token)), JSON.stringify(token), { flag: "wx" });
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return folder;
};

/** Tries to publish the prepared folder as the lock: true when it is now ours. */
export const tryTake = async (folder: string, lockPath: string): Promise<boolean> => {
  try {
    await rename(folder, lockPath);
    return true;
  } catch (error) {
    if (renameFoundLock(errnoCode(error), process.platform)) return false;
    throw error;
  }
};

/** Reads who holds the lock, without changing anything. */
export const inspectLock = async (lockPath: string): Promise<LockState> => {
  let names: string[];
  try {
    names = await readdir(lockPath);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT") return { kind: "free" };
    if (code !== "ENOTDIR") throw error;
    const text = await readFile(lockPath, "utf8").catch(() => undefined);
    if (text === undefined) return { kind: "free" };
    const token = parseOwnerToken(text);
    return token === undefined
      ? { kind: "legacy-file", text }
      : { kind: "legacy-file", text, token };
  }
  const nonce = names.map(nonceOf).find((n) => n !== undefined);
  if (nonce === undefined && names.length > 0) return { kind: "unreadable" };
  if (nonce === undefined) {
    await quietly(rmdir(lockPath), rmdirLostRace); // empty: a dead releaser's
    return { kind: "free" };
  }
  let text: string;
  try {
    text = await readFile(join(lockPath, ownerFileName({ nonce })), "utf8");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return { kind: "free" }; // released meanwhile: look again
    throw error;
  }
  const token = parseOwnerToken(text);
  return token?.nonce === nonce ? { kind: "held", token, text } : { kind: "unreadable", nonce };
};

/**
 * Removes the lock of the acquisition `nonce`, and only that one: true when this call removed
 * it, false when it was already gone (released, or broken by someone else).
 */
export const removeOwner = async (lockPath: string, nonce: string): Promise<boolean> => {
  try {
    await unlink(join(lockPath, ownerFileName({ nonce })));
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw error;
  }
  await quietly(rmdir(lockPath), rmdirLostRace);
  return true;
};

/** Removes a legacy lock file (only old versions create them; none is created any more). */
export const removeLegacyFile = (lockPath: string): Promise<void> =>
  quietly(unlink(lockPath), legacyUnlinkSkipped);

/** True while `nonce` still holds the lock (its owner file is in place). */
export const stillHeld = async (lockPath: string, nonce: string): Promise<boolean> =>
  readFile(join(lockPath, ownerFileName({ nonce }))).then(
    () => true,
    () => false,
  );
