import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/** Returns a factory of fresh temp folders that are removed after each test. */
export const useTempDirs = (): (() => Promise<string>) => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "peak-cache-"));
    dirs.push(dir);
    return dir;
  };
};

/** Names in `dir` that are our temporary files (should be none after a finished write). */
export const tempFilesIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((name) => name.includes(".peaktmp-"));

/**
 * A RAM-backed folder root (/dev/shm) when there is one, else the OS temp dir. The stress and
 * crash tests run there: same rename/link semantics, but fsync costs nothing on a busy disk.
 */
export const fastTempRoot = (): string => {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
};

/** Runs `sha256sum -c` once over every `*.sha256` in `dir`; returns its failure lines. */
export const sha256sumFailures = async (dir: string): Promise<string[]> => {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".sha256"));
  if (names.length === 0) return [];
  const run = spawnSync("sha256sum", ["-c", "--quiet", ...names], { cwd: dir, encoding: "utf8" });
  return run.status === 0 ? [] : `${run.stdout}${run.stderr}`.trim().split("\n");
};
