// Child process for the permission tests (bundled by bundle-child.ts, run as an unprivileged
// user through setpriv, since root ignores file modes). argv: <lock|write|save|load> <dir>.
// Prints the failure as one JSON line: { name, code, errorCode, hint } (or { ok: true }).
import { join } from "node:path";
import { acquireLock } from "../../lock/path-lock";
import { atomicWrite } from "../../write/atomic-write";
import { CacheManifest } from "../cache-manifest";

const scenarios: Record<string, (dir: string) => Promise<unknown>> = {
  lock: async (dir) => (await acquireLock(join(dir, ".a.bin.peaklock"))).release(),
  write: (dir) => atomicWrite("data", join(dir, "a.bin"), { checksum: true }),
  save: (dir) => CacheManifest.create({ dir, runId: "r" }).save(),
  load: (dir) => CacheManifest.load(join(dir, "manifest.json")),
};

const main = async () => {
  const [scenario, dir] = process.argv.slice(2);
  const run = scenarios[scenario ?? ""];
  if (run === undefined || dir === undefined) throw new Error("usage: <scenario> <dir>");
  const outcome = await run(dir).then(
    () => ({ ok: true }),
    (error: unknown) => {
      const e = error as {
        name?: string;
        code?: string;
        hint?: string;
        context?: { errorCode?: string };
      };
      return { name: e.name, code: e.code, errorCode: e.context?.errorCode, hint: e.hint };
    },
  );
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
};

if (process.argv[1]?.includes("fault-child")) await main();
