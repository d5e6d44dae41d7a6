// Child process for the crash loop (bundled by bundle-child.ts, run with node, SIGKILLed).
// argv: <dir> <id>. Prints "ready", then loops forever over random operations on the entries
// e0.bin … e3.bin of <dir>: writes (sha256 or xxh3 sidecar: first writes after the parent removed
// an entry, rewrites, algorithm switches), CacheManifest saves and cleanup(dir).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CacheManifest } from "../../manifest/cache-manifest";
import { atomicWrite } from "../atomic-write";
import { cleanup } from "../cleanup";
import { versionBytes } from "./versions";

/** The cache entries the crash loop writes. */
export const ENTRIES = ["e0.bin", "e1.bin", "e2.bin", "e3.bin"];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

const saveManifest = async (dir: string, id: string) => {
  const present = ENTRIES.filter((name) => existsSync(join(dir, name)));
  if (present.length === 0) return;
  const manifest = CacheManifest.create({ dir, runId: `crash-${id}` });
  await manifest.addFile(pick(present)).catch(() => undefined); // may vanish meanwhile
  await manifest.save();
};

const main = async () => {
  const [dir, id] = process.argv.slice(2);
  if (dir === undefined || id === undefined) throw new Error("usage: <dir> <id>");
  process.stdout.write("ready\n");
  // Runs until killed; stops by itself if the test's folder is gone or after a minute.
  const deadline = Date.now() + 60_000;
  for (let n = 0; existsSync(dir) && Date.now() < deadline; n += 1) {
    const roll = Math.random();
    if (roll < 0.75) {
      const checksum = Math.random() < 0.6 ? "sha256" : "xxh3";
      await atomicWrite(versionBytes(id, n), join(dir, pick(ENTRIES)), { checksum });
    } else if (roll < 0.9) await saveManifest(dir, id);
    else await cleanup(dir);
  }
};

if (process.argv[1]?.includes("crash-child")) await main();
