import { readdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { acquireLock } from "./path-lock";

const tempDir = useTempDirs();
const held = (pid: number, createdMs: number) =>
  JSON.stringify({ pid, host: hostname(), createdMs, nonce: "x" });

// A virtual clock that only moves when the lock sleeps: no real waiting in these tests.
const virtualTime = () => {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
};

describe("acquireLock", () => {
  it("takes a free lock and releases it", async () => {
    const lock = join(await tempDir(), ".x.peaklock");
    const release = await acquireLock(lock);
    await expect(acquireLock(lock, { timeoutMs: 5, ...virtualTime() })).rejects.toSatisfy(
      CacheWriteError.isInstance,
    );
    await release();
    await (
      await acquireLock(lock)
    )();
  });

  it("breaks a lock whose holder died", async () => {
    const dir = await tempDir();
    const lock = join(dir, ".x.peaklock");
    await writeFile(lock, held(4_000_000, Date.now()));
    const release = await acquireLock(lock, { isAlive: () => false, ...virtualTime() });
    await release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("breaks a lock older than staleMs even if its holder looks alive", async () => {
    const clock = virtualTime();
    const lock = join(await tempDir(), ".x.peaklock");
    await writeFile(lock, held(4_000_000, clock.now() - 31_000));
    const release = await acquireLock(lock, { isAlive: () => true, staleMs: 30_000, ...clock });
    await release();
  });

  it("times out on a live, fresh lock with a retryable CacheWriteError", async () => {
    const clock = virtualTime();
    const lock = join(await tempDir(), ".x.peaklock");
    await writeFile(lock, held(4_000_000, clock.now()));
    const options = { isAlive: () => true, timeoutMs: 1_000, staleMs: 60_000, ...clock };
    const error: unknown = await acquireLock(lock, options).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).retryable).toBe(true);
    expect((error as CacheWriteError).context.path).toBe(lock);
  });
});
