import { readFileSync } from "node:fs";
import { mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import {
  inspectLock,
  prepareOwnerFolder,
  removeLegacyFile,
  removeOwner,
  tryTake,
} from "./lock-folder";
import { acquireLock } from "./path-lock";

const tempDir = useTempDirs();
const NONCE = "0123456789abcdef";
const START = 1_000_000;
const token = (nonce: string, createdMs: number) => ({
  pid: 4_000_000,
  host: hostname(),
  startMs: 1,
  createdMs,
  nonce,
});
const lockIn = async () => join(await tempDir(), ".x.peaklock");
const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => "resolved",
    (e: unknown) => (e as { code?: string }).code,
  );

// A virtual clock that moves `stride` ms per sleep; `onSleep` may change the lock meanwhile.
const virtualTime = (onSleep: (now: number) => Promise<void>, stride: number) => {
  let now = START;
  return {
    waited: () => now - START,
    now: () => now,
    sleep: async () => {
      now += stride;
      await onSleep(now);
    },
  };
};

describe("lock folder failures", () => {
  it("removes its private folder and rethrows when the token cannot be written", async () => {
    const lock = await lockIn();
    expect(await codeOf(prepareOwnerFolder(lock, token("no/such", 0)))).toBe("ENOENT");
    expect(await readdir(join(lock, ".."))).toEqual([]);
  });

  it("rethrows a rename failure that is not a held lock", async () => {
    const dir = await tempDir();
    expect(await codeOf(tryTake(join(dir, "missing"), join(dir, ".x.peaklock")))).toBe("ENOENT");
  });

  it("reads a path under a file as free and rethrows other read failures", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    expect(await inspectLock(join(dir, "file", ".x.peaklock"))).toStrictEqual({ kind: "free" });
    const loop = join(dir, ".loop.peaklock");
    await symlink(loop, loop);
    expect(await codeOf(inspectLock(loop))).toBe("ELOOP");
  });

  it("reads an owner file that is gone as free, and rethrows one it cannot read", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await symlink(join(lock, "gone"), join(lock, `owner-${NONCE}`));
    expect(await inspectLock(lock)).toStrictEqual({ kind: "free" });
    await rm(join(lock, `owner-${NONCE}`));
    await mkdir(join(lock, `owner-${NONCE}`));
    expect(await codeOf(inspectLock(lock))).toBe("EISDIR");
    expect(await codeOf(removeOwner(lock, NONCE))).toBe("EISDIR");
  });

  it("rethrows a legacy-file removal failure outside the ones it expects", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    expect(await codeOf(removeLegacyFile(join(dir, "file", "lock")))).toBe("ENOTDIR");
  });
});

describe("owner token of this process", () => {
  it("carries this process's start ticks from /proc on its first token", async () => {
    vi.resetModules();
    const fresh = await import("./owner-token");
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    expect(fresh.newOwnerToken(0).startTicks).toBe(ticks);
  });
});

describe("acquireLock judging a held lock", () => {
  it("breaks a live holder's lock younger than a second once it is older than staleMs", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await writeFile(join(lock, `owner-${NONCE}`), JSON.stringify(token(NONCE, START - 800)));
    const clock = virtualTime(async () => undefined, 100);
    await (await acquireLock(lock, { isAlive: () => true, staleMs: 500, ...clock })).release();
    expect(clock.waited()).toBe(0);
  });

  it("restarts the watch when a damaged owner file is replaced by another", async () => {
    const lock = await lockIn();
    const plantDamaged = async (nonce: string) => {
      await rm(lock, { recursive: true, force: true });
      await mkdir(lock);
      await writeFile(join(lock, `owner-${nonce}`), "not json");
    };
    await plantDamaged(NONCE);
    const clock = virtualTime(async (now) => {
      if (now - START === 1_000) await plantDamaged("fedcba9876543210");
    }, 100);
    await (await acquireLock(lock, { staleMs: 2_000, ...clock })).release();
    expect(clock.waited()).toBe(3_100); // the first look more than 2 s after the swap at 1 s
  });

  it("restarts the watch when a legacy lock file's text changes", async () => {
    const lock = await lockIn();
    await writeFile(lock, "old holder");
    const clock = virtualTime(async (now) => {
      if (now - START === 1_000) await writeFile(lock, "new holder");
    }, 100);
    await (await acquireLock(lock, { staleMs: 2_000, ...clock })).release();
    expect(clock.waited()).toBe(3_100);
  });

  it("waits on a real timer by default and then times out", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await writeFile(join(lock, `owner-${NONCE}`), JSON.stringify(token(NONCE, Date.now())));
    const error = await acquireLock(lock, { isAlive: () => true, timeoutMs: 30 }).catch(
      (e: unknown) => e as { context?: { errorCode?: string } },
    );
    expect(error).toMatchObject({ context: { errorCode: "LOCK_TIMEOUT" } });
  });
});
