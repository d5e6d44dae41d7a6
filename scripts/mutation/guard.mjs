// Keeps an in-place Stryker run from leaving mutated source behind. Before the run, every source
// file under src/ is copied to .stryker-tmp/peak-backup/; after the run (also on Ctrl-C or a kill
// signal) each file Stryker touched (instrumented, or given a `// @ts-nocheck` header) is put
// back. A run that was killed outright (SIGKILL) is repaired by the next run before it starts.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";

const MARKER = /stryMutAct_9fa48|stryNS_9fa48|stryCov_9fa48/;
const backupDir = (cwd) => join(cwd, ".stryker-tmp", "peak-backup");

const NOCHECK = "// @ts-nocheck";
const isInstrumented = (path) => existsSync(path) && MARKER.test(readFileSync(path, "utf8"));
const touched = (path, original) => {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, "utf8");
  if (text === original) return false;
  return MARKER.test(text) || (text.startsWith(NOCHECK) && !original.startsWith(NOCHECK));
};

/** Puts back every backed-up file that still holds instrumented code; returns the paths restored. */
export function restore(cwd) {
  const dir = backupDir(cwd);
  const manifest = join(dir, "manifest.json");
  if (!existsSync(manifest)) return [];
  const files = JSON.parse(readFileSync(manifest, "utf8"));
  const restored = [];
  for (const file of files) {
    const target = join(cwd, file);
    const copy = join(dir, "files", file);
    if (!touched(target, readFileSync(copy, "utf8"))) continue;
    cpSync(copy, target);
    restored.push(file);
  }
  rmSync(dir, { recursive: true, force: true });
  // The vitest runner copies its setup file into the package directory.
  for (const name of readdirSync(cwd)) {
    if (/^stryker-setup-\d+\.js$/.test(name)) rmSync(join(cwd, name), { force: true });
  }
  return restored;
}

/** Backs up the given package-relative files (after repairing any earlier interrupted run). */
export function backup(cwd, files) {
  const leftovers = restore(cwd);
  if (leftovers.length > 0) {
    console.warn(`[mutation] restored ${leftovers.length} file(s) left by an interrupted run`);
  }
  const dir = backupDir(cwd);
  for (const file of files) {
    if (isInstrumented(join(cwd, file))) {
      throw new Error(
        `${file} holds Stryker-instrumented code and no backup exists; restore it with git`,
      );
    }
    const copy = join(dir, "files", file);
    mkdirSync(dirname(copy), { recursive: true });
    cpSync(join(cwd, file), copy);
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(files));
}

/** Paths under `dir` (package-relative) whose text still carries Stryker's instrumentation. */
export function findInstrumented(cwd, dir = "src") {
  const found = [];
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]s$/.test(entry.name) && isInstrumented(full))
        found.push(relative(cwd, full));
    }
  };
  if (existsSync(join(cwd, dir))) walk(join(cwd, dir));
  return found;
}
