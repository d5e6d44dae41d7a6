// Child process for the concurrent-manifest test (bundled by bundle-child.ts, run with node).
// argv: <dir> <prefix> <count>. Writes <prefix>-<i>.bin files and records each in
// <dir>/manifest.json with a fresh CacheManifest instance, saving after every add.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CacheManifest } from "../cache-manifest";

const main = async () => {
  const [dir, prefix, count] = process.argv.slice(2);
  if (dir === undefined || prefix === undefined || count === undefined) throw new Error("usage");
  for (let i = 0; i < Number(count); i += 1) {
    const file = join(dir, `${prefix}-${i}.bin`);
    await writeFile(file, `${prefix} ${i}`);
    // A fresh instance per save: save() itself merges with what the others saved.
    const manifest = CacheManifest.create({ dir, runId: `run-${prefix}` });
    await manifest.addFile(file);
    await manifest.save();
  }
  process.stdout.write("ready\ndone\n");
};

if (process.argv[1]?.includes("manifest-child")) await main();
