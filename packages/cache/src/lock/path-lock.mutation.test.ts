import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { acquireLock, breakIfAbandoned, type LockOptions } from "./path-lock";

const tempDir = useTempDirs();
const DEAD = 4_000_000;
const START = 1_000_000;
let nonces = 0x100;

const nextNonce = () => (nonces += 1).toString(16).padStart(16, "0");
const tokenText = (nonce: string, createdMs: number) =>
  JSON.stringify({ pid: DEAD, host: hostname(), startMs: 1, createdMs, nonce });

// A lock folder as another (live, per isAlive) process would have left it.
const plant = async (lock: string, createdMs: number) => {
  const nonce = nextNonce();
  await mkdir(lock);
  await writeFile(join(lock, `owner-${nonce}`), tokenText(nonce, createdMs));
  return nonce;
};

// A virtual clock that moves only when the lock sleeps; `onSleep` may change the lock meanwhile.
// `stride` (ms per sleep, default the asked delay) lets a long wait take few rounds.
const virtualTime = (
  onSleep: (now: number) => Promise<void> = async () => undefined,
  stride?: number,
) => {
  const sleeps: number[] = [];
  let now = START;
  return {
    sleeps,
    waited: () => now - START,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += stride ?? ms;
      await onSleep(now);
    },
  };
};

const lockIn = async () => join(await tempDir(), ".x.peaklock");
const failureOf = async (lock: string, options: LockOptions) =>
  (await acquireLock(lock, options).catch((e: unknown) => e)) as CacheWriteError;

describe("acquireLock defaults and waiting", () => {
  it("waits 60 s by default and names the holder's token in the timeout", async () => {
    const lock = await lockIn();
    const clock = virtualTime(undefined, 7_000);
    const nonce = await plant(lock, START);
    const error = await failureOf(lock, { isAlive: () => true, staleMs: 1e9, ...clock });
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Timed out waiting for lock ${lock}`);
    expect(error.hint).toContain("run cleanup() or delete the lock folder");
    expect(error.context).toEqual({
      path: lock,
      holder: tokenText(nonce, START),
      timeoutMs: 60_000,
      errorCode: "LOCK_TIMEOUT",
    });
    expect(clock.waited()).toBe(63_000); // the first look after 60 s gives up
  });

  it("backs off 1, 2, 4, then 8 ms, each with 0.5x to 1.5x jitter", async () => {
    const lock = await lockIn();
    const clock = virtualTime();
    await plant(lock, START);
    await failureOf(lock, { isAlive: () => true, timeoutMs: 200, ...clock });
    const base = [1, 2, 4, 8, 8, 8, 8];
    expect(clock.sleeps.length).toBeGreaterThan(base.length);
    base.forEach((d, i) => {
      expect(clock.sleeps[i]).toBeGreaterThanOrEqual(0.5 * d);
      expect(clock.sleeps[i]).toBeLessThan(1.5 * d);
    });
  });

  it("breaks a live holder's lock once it is 30 s old by default, not before", async () => {
    const young = await lockIn();
    await plant(young, START - 20_000);
    const slow = virtualTime(undefined, 1_000);
    const kept = await failureOf(young, { isAlive: () => true, timeoutMs: 5_000, ...slow });
    expect(kept.context?.errorCode).toBe("LOCK_TIMEOUT");
    const old = await lockIn();
    await plant(old, START - 31_000);
    const clock = virtualTime();
    await (await acquireLock(old, { isAlive: () => true, ...clock })).release();
    expect(clock.sleeps).toEqual([]);
  });

  it("restarts the watch of a future-dated lock when its holder changes", async () => {
    const lock = await lockIn();
    let swapped = false;
    const clock = virtualTime(async (now) => {
      if (swapped || now - START < 3_000) return;
      swapped = true;
      await rm(lock, { recursive: true });
      await plant(lock, now + 3_600_000);
    }, 100);
    await plant(lock, START + 3_600_000);
    const options = { isAlive: () => true, staleMs: 5_000, timeoutMs: 60_000, ...clock };
    await (await acquireLock(lock, options)).release();
    expect(swapped).toBe(true);
    expect(clock.waited()).toBe(8_100); // first look more than 5 s after the swap at 3 s
  });

  it("judges a damaged owner file by how long it was watched", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await writeFile(join(lock, `owner-${nextNonce()}`), "not json");
    const clock = virtualTime(undefined, 100);
    await (await acquireLock(lock, { staleMs: 2_000, ...clock })).release();
    expect(clock.waited()).toBe(2_100); // the first look more than 2 s after the first
  });

  it("never breaks a folder of foreign files and names it unreadable", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await writeFile(join(lock, "foreign"), "x");
    const clock = virtualTime(undefined, 100);
    const error = await failureOf(lock, { staleMs: 10, timeoutMs: 1_000, ...clock });
    expect(error.context).toMatchObject({ holder: "unreadable", errorCode: "LOCK_TIMEOUT" });
    expect(await readdir(lock)).toEqual(["foreign"]);
  });

  it("wraps a folder it cannot write in a CacheWriteError with the errno", async () => {
    const lock = join(await tempDir(), "missing", ".x.peaklock");
    const error = await failureOf(lock, {});
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Cannot take the lock ${lock}`);
    expect(error.hint).toBe("Check free space and that the cache folder is writable by this user");
    expect(error.context).toEqual({ path: lock, errorCode: "ENOENT" });
    expect((error.cause as { code?: string }).code).toBe("ENOENT");
  });

  it("traces the acquisition and the release in order", async () => {
    const lock = await lockIn();
    const events: string[] = [];
    const handle = await acquireLock(lock, { trace: (e) => void events.push(e) });
    expect(events).toEqual(["acquired"]);
    await handle.release();
    expect(events).toEqual(["acquired", "released"]);
  });
});

describe("breakIfAbandoned", () => {
  const base = { olderThanMs: 60_000, now: () => 100_000, checkPid: true, mtimeMs: 100_000 };

  it("leaves a free lock path alone", async () => {
    expect(await breakIfAbandoned(await lockIn(), base)).toBe(false);
  });

  it("breaks by the token's age from olderThanMs on", async () => {
    const lock = await lockIn();
    await plant(lock, 40_001);
    expect(await breakIfAbandoned(lock, { ...base, isAlive: () => true })).toBe(false);
    await rm(lock, { recursive: true });
    await plant(lock, 40_000);
    expect(await breakIfAbandoned(lock, { ...base, isAlive: () => true })).toBe(true);
    expect(await readdir(join(lock, ".."))).toEqual([]);
  });

  it("ignores a dead pid unless asked to check pids", async () => {
    const lock = await lockIn();
    await plant(lock, 100_000);
    const options = { ...base, checkPid: false, isAlive: () => false };
    expect(await breakIfAbandoned(lock, options)).toBe(false);
    expect(await breakIfAbandoned(lock, { ...options, checkPid: true })).toBe(true);
  });

  it("ages a damaged owner file by the folder's mtime", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await writeFile(join(lock, `owner-${nextNonce()}`), "{}");
    expect(await breakIfAbandoned(lock, { ...base, mtimeMs: 40_001 })).toBe(false);
    expect(await breakIfAbandoned(lock, { ...base, mtimeMs: 40_000 })).toBe(true);
  });
});
