import { mkdir, readdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { inspectLock, removeOwner } from "./lock-folder";
import { acquireLock, breakIfAbandoned } from "./path-lock";

const tempDir = useTempDirs();
const DEAD = 4_000_000;
let nonces = 0;

// A lock folder as another process would have left it.
const plant = async (
  lock: string,
  fields: { pid: number; createdMs: number; startMs?: number },
) => {
  const nonce = (nonces += 1).toString(16).padStart(16, "0");
  const token = { host: hostname(), startMs: 1, nonce, ...fields };
  await mkdir(lock);
  await writeFile(join(lock, `owner-${nonce}`), JSON.stringify(token));
  return nonce;
};

// A virtual clock that only moves when the lock sleeps: no real waiting in these tests.
const virtualTime = () => {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
};

const lockIn = async () => {
  const dir = await tempDir();
  return { dir, lock: join(dir, ".x.peaklock") };
};

describe("acquireLock", () => {
  it("takes a free lock, makes others wait, and leaves nothing behind on release", async () => {
    const { dir, lock } = await lockIn();
    const first = await acquireLock(lock);
    const error: unknown = await acquireLock(lock, { timeoutMs: 5, ...virtualTime() }).catch(
      (e: unknown) => e,
    );
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).context).toMatchObject({
      path: lock,
      errorCode: "LOCK_TIMEOUT",
    });
    expect((error as CacheWriteError).retryable).toBe(true);
    expect(await first.held()).toBe(true);
    await first.release();
    expect(await readdir(dir)).toEqual([]);
    await (await acquireLock(lock)).release();
  });

  it("breaks a lock whose holder died on this host", async () => {
    const { dir, lock } = await lockIn();
    await plant(lock, { pid: DEAD, createdMs: Date.now() });
    const handle = await acquireLock(lock, { isAlive: () => false, ...virtualTime() });
    await handle.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("breaks a lock left by an earlier process that had this pid", async () => {
    const { lock } = await lockIn();
    await plant(lock, { pid: process.pid, createdMs: Date.now(), startMs: 1 });
    await (await acquireLock(lock, { timeoutMs: 1_000, ...virtualTime() })).release();
  });

  it("breaks a lock older than staleMs even if its holder looks alive", async () => {
    const clock = virtualTime();
    const { lock } = await lockIn();
    await plant(lock, { pid: DEAD, createdMs: clock.now() - 31_000 });
    const handle = await acquireLock(lock, { isAlive: () => true, staleMs: 30_000, ...clock });
    await handle.release();
  });

  it("treats a future timestamp as suspicious: broken after staleMs of watching, before the timeout", async () => {
    const clock = virtualTime();
    const { lock } = await lockIn();
    await plant(lock, { pid: DEAD, createdMs: clock.now() + 3_600_000 });
    const options = { isAlive: () => true, staleMs: 5_000, timeoutMs: 60_000, ...clock };
    await (await acquireLock(lock, options)).release();
    expect(clock.now() - 1_000_000).toBeGreaterThan(5_000);
    expect(clock.now() - 1_000_000).toBeLessThan(6_000);
  });

  it("times out on a live, fresh lock and removes its own temporary folder", async () => {
    const clock = virtualTime();
    const { dir, lock } = await lockIn();
    await plant(lock, { pid: DEAD, createdMs: clock.now() });
    const options = { isAlive: () => true, timeoutMs: 1_000, staleMs: 60_000, ...clock };
    await expect(acquireLock(lock, options)).rejects.toSatisfy(CacheWriteError.isInstance);
    expect(await readdir(dir)).toEqual([".x.peaklock"]);
  });

  it("never lets a late release or break remove a lock taken after it", async () => {
    const { lock } = await lockIn();
    const stale = await plant(lock, { pid: DEAD, createdMs: 0 });
    const judged = await inspectLock(lock);
    const results = await Promise.all([removeOwner(lock, stale), removeOwner(lock, stale)]);
    expect(results.sort()).toEqual([false, true]); // broken exactly once
    const fresh = await acquireLock(lock);
    expect(judged.kind === "held" && (await removeOwner(lock, judged.token.nonce))).toBe(false);
    expect(await fresh.held()).toBe(true);
    await fresh.release();
  });

  it("reports a lost lock through held() and does not remove the new holder's lock", async () => {
    const { lock } = await lockIn();
    const first = await acquireLock(lock);
    const state = await inspectLock(lock);
    if (state.kind === "held") await removeOwner(lock, state.token.nonce); // someone judged it stale
    const second = await acquireLock(lock);
    expect(await first.held()).toBe(false);
    await first.release();
    expect(await second.held()).toBe(true);
    await second.release();
  });

  it("breaks a legacy lock file whose pid is dead", async () => {
    const { dir, lock } = await lockIn();
    await writeFile(
      lock,
      JSON.stringify({ pid: DEAD, host: hostname(), createdMs: 0, nonce: "x" }),
    );
    await (await acquireLock(lock, { isAlive: () => false, ...virtualTime() })).release();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("breakIfAbandoned", () => {
  it("breaks dead or old locks and keeps a live fresh one", async () => {
    const { lock } = await lockIn();
    await plant(lock, { pid: DEAD, createdMs: Date.now() });
    const base = { olderThanMs: 60_000, now: Date.now, checkPid: true, mtimeMs: Date.now() };
    expect(await breakIfAbandoned(lock, { ...base, isAlive: () => true })).toBe(false);
    expect(await breakIfAbandoned(lock, { ...base, isAlive: () => false })).toBe(true);
    expect((await inspectLock(lock)).kind).toBe("free");
  });
});
