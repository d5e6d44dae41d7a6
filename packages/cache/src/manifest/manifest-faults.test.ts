import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useBundledChild } from "../shared/__fixtures__/use-child";
import { acquireLock } from "../lock/path-lock";
import { CacheWriteError } from "../shared/cache-write-error";
import { atomicWrite } from "../write/atomic-write";
import { CacheManifest } from "./cache-manifest";

const bundled = useBundledChild(new URL("__fixtures__/fault-child.ts", import.meta.url));

// Root ignores permission bits, so the scenario runs as "nobody" (uid 65534) via setpriv;
// when this process is not root, it is already unprivileged and runs the child directly.
const asNobody = (scenario: string, dir: string) => {
  const node = [process.execPath, bundled.script, scenario, dir];
  const [command, ...args] =
    process.getuid?.() === 0
      ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", ...node]
      : node;
  const run = spawnSync(command!, args, { encoding: "utf8" });
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
};

describe("permission failures are typed and leave nothing behind", () => {
  it.each([
    ["lock", "CacheWriteError", "CACHE_WRITE"],
    ["write", "CacheWriteError", "CACHE_WRITE"],
    ["save", "CacheWriteError", "CACHE_WRITE"],
  ])("%s in a read-only folder fails with %s EACCES", async (scenario, name, code) => {
    const dir = await mkdtemp(join(bundled.work, `${scenario}-`));
    await chmod(dir, 0o555);
    const outcome = asNobody(scenario, dir);
    expect(outcome).toMatchObject({ name, code, errorCode: "EACCES" });
    expect(outcome.hint).toEqual(expect.stringMatching(/writable|permission/i));
    expect(await readdir(dir)).toEqual([]);
  });

  it("load of an unreadable manifest fails with CacheCorruptionError EACCES", async () => {
    const dir = await mkdtemp(join(bundled.work, "load-"));
    await chmod(dir, 0o755);
    await writeFile(join(dir, "manifest.json"), "{}", { mode: 0o600 });
    const outcome = asNobody("load", dir);
    expect(outcome).toMatchObject({ name: "CacheCorruptionError", errorCode: "EACCES" });
    // The manifest reader opens files through read/open-regular.ts, whose hint names permissions.
    expect(outcome.hint).toEqual(expect.stringMatching(/permissions for the user running this/));
  });
});

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync("umount", [dir]);
});

// A real 64 KiB tmpfs filled to the last byte.
const fullDisk = async (): Promise<string> => {
  const dir = await mkdtemp(join(bundled.work, "full-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
  mounted.push(dir);
  await writeFile(join(dir, "filler"), new Uint8Array(64 * 1024)).catch(() => undefined);
  await mkdir(join(dir, "cache"));
  return join(dir, "cache");
};

describe("a full disk", () => {
  it.each([
    ["the lock", (dir: string) => acquireLock(join(dir, ".a.bin.peaklock"))],
    ["atomicWrite", (dir: string) => atomicWrite("data", join(dir, "a.bin"), { checksum: true })],
    ["CacheManifest.save", (dir: string) => CacheManifest.create({ dir, runId: "r" }).save()],
  ])(
    "makes %s fail with CacheWriteError ENOSPC and no temp or lock leftovers",
    async (_name, run) => {
      const dir = await fullDisk();
      const error: unknown = await run(dir).catch((e: unknown) => e);
      expect(CacheWriteError.isInstance(error)).toBe(true);
      expect((error as CacheWriteError).context.errorCode).toBe("ENOSPC");
      expect((error as CacheWriteError).hint).toMatch(/space/);
      expect(await readdir(dir)).toEqual([]);
    },
  );
});
