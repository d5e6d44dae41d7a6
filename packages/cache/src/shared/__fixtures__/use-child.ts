import { chmod, mkdtemp, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { bundleChild } from "./bundle-child";
import { fastTempRoot } from "./temp-dir";

/**
 * For a child-process suite: a work folder (RAM-backed when possible, readable by every user)
 * and the bundled child script `entry` inside it, both ready in `beforeAll` and removed after.
 */
export const useBundledChild = (entry: URL): { work: string; script: string } => {
  const state = { work: "", script: "" };
  beforeAll(async () => {
    const name = basename(fileURLToPath(entry), ".ts");
    state.work = await mkdtemp(join(fastTempRoot(), `peak-cache-${name}-`));
    await chmod(state.work, 0o755);
    state.script = await bundleChild(state.work, entry);
  });
  afterAll(() => rm(state.work, { recursive: true, force: true }));
  return state;
};
