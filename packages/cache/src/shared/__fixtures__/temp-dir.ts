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
