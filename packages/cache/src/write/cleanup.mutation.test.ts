import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicWrite } from "./atomic-write";
import { cleanup } from "./cleanup";

const tempDir = useTempDirs();
const DEAD = 4_000_000;
const tempName = (pid: number) => `.bars.bin.peaktmp-${pid}-0123456789abcdef`;

// A temp file of a live writer (this test's own parent pid) and the clock at its mtime.
const liveLeftover = async () => {
  const dir = await tempDir();
  const path = join(dir, tempName(process.ppid));
  await writeFile(path, "x");
  const { mtimeMs } = await stat(path);
  return { dir, path, mtimeMs };
};

describe("cleanup's age rule", () => {
  it("keeps a live writer's temp file younger than 15 minutes by default", async () => {
    const { dir, mtimeMs } = await liveLeftover();
    const result = await cleanup(dir, { now: () => mtimeMs + 899_999, isAlive: () => true });
    expect(result).toEqual({ removed: [], repaired: [] });
  });

  it("removes it once it is 15 minutes old", async () => {
    const { dir, path, mtimeMs } = await liveLeftover();
    const result = await cleanup(dir, { now: () => mtimeMs + 900_000, isAlive: () => true });
    expect(result.removed).toEqual([path]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("removes everything of ours at once with olderThanMs 0", async () => {
    const { dir, path } = await liveLeftover();
    expect((await cleanup(dir, { olderThanMs: 0, isAlive: () => true })).removed).toEqual([path]);
  });

  it.each([-1, Number.NaN])("rejects olderThanMs %d", async (olderThanMs) => {
    const error = (await cleanup(await tempDir(), { olderThanMs }).catch((e: unknown) => e)) as {
      message: string;
      hint: string;
      context: unknown;
    };
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe(`Invalid cleanup option \`olderThanMs\`: ${olderThanMs}`);
    expect(error.hint).toBe("Use a number of milliseconds >= 0");
    expect(error.context).toEqual({ option: "olderThanMs", value: olderThanMs });
  });
});

describe("cleanup's pid rule", () => {
  it("removes a fresh temp file of a pid that is not running, by default", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, tempName(DEAD)), "x");
    expect((await cleanup(dir)).removed).toEqual([join(dir, tempName(DEAD))]);
  });

  it("asks isAlive about the writer's pid", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, tempName(1234)), "x");
    const asked: number[] = [];
    const isAlive = (pid: number) => (asked.push(pid), true);
    expect((await cleanup(dir, { isAlive, repairSidecars: false })).removed).toEqual([]);
    expect(asked).toEqual([1234]);
  });

  it("never takes its own pid for dead", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, tempName(process.pid)), "x");
    expect((await cleanup(dir, { isAlive: () => false })).removed).toEqual([]);
    expect(await readdir(dir)).toEqual([tempName(process.pid)]);
  });

  it("ignores dead pids with checkPid false", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, tempName(DEAD)), "x");
    expect((await cleanup(dir, { checkPid: false, isAlive: () => false })).removed).toEqual([]);
  });

  it("removes a dead writer's temp folder with its contents", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, tempName(DEAD)));
    await writeFile(join(dir, tempName(DEAD), "part"), "x");
    expect((await cleanup(dir, { isAlive: () => false })).removed).toEqual([
      join(dir, tempName(DEAD)),
    ]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("cleanup's other cases", () => {
  it("finds nothing in a missing folder", async () => {
    const dir = join(await tempDir(), "missing");
    expect(await cleanup(dir)).toEqual({ removed: [], repaired: [] });
  });

  it("leaves a lock that a live writer holds", async () => {
    const dir = await tempDir();
    const lock = join(dir, ".bars.bin.peaklock");
    await writeFile(lock, JSON.stringify({ pid: process.pid, createdMs: Date.now() }));
    expect((await cleanup(dir)).removed).toEqual([]);
    expect(await readdir(dir)).toEqual([".bars.bin.peaklock"]);
  });

  it("skips the sidecar repair with repairSidecars false", async () => {
    const dir = await tempDir();
    const path = join(dir, "bars.bin");
    const { checksum } = await atomicWrite("current", path, { checksum: true });
    const text = `${"0".repeat(64)}  bars.bin\n${checksum?.hex}  bars.bin\n`;
    await writeFile(`${path}.sha256`, text);
    await writeFile(join(dir, "gone.bin.sha256"), `${"0".repeat(64)}  gone.bin\n`);
    expect(await cleanup(dir, { repairSidecars: false })).toEqual({ removed: [], repaired: [] });
    expect(await readFile(`${path}.sha256`, "utf8")).toBe(text);
  });

  it("lists the temp files it removed before the sidecars the repair removed", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, tempName(DEAD)), "x");
    await writeFile(join(dir, "gone.bin.sha256"), `${"0".repeat(64)}  gone.bin\n`);
    const { removed } = await cleanup(dir, { isAlive: () => false });
    expect(removed).toEqual([join(dir, tempName(DEAD)), join(dir, "gone.bin.sha256")]);
  });
});
