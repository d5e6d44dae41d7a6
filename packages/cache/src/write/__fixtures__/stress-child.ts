// Child process for the lock stress test and bench (bundled by bundle-child.ts, run with node).
// argv: writer <path> <id> <swaps> <log>  — atomicWrite <swaps> versions (sha256, every 7th xxh3),
//         logging "acquired <ns>" / "released <ns>" (process.hrtime, one clock for every process)
//       reader <path> <id> <stopFile> <log> — verified reads until <stopFile> exists
// Both write one JSON summary to <log> when done and print "ready" once started.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { atomicRead } from "../../read/atomic-read";
import { atomicWrite } from "../atomic-write";
import { isVersion, versionBytes } from "./versions";

const writer = async (path: string, id: string, swaps: number) => {
  const events: string[] = [];
  const trace = (event: "acquired" | "released") =>
    events.push(`${event} ${process.hrtime.bigint()}`);
  const errors: string[] = [];
  process.stdout.write("ready\n");
  for (let n = 0; n < swaps; n += 1) {
    const checksum = n % 7 === 6 ? "xxh3" : "sha256";
    await atomicWrite(versionBytes(id, n), path, { checksum, lock: { trace } }).catch(
      (error: unknown) => errors.push(String(error)),
    );
  }
  return { events, errors };
};

const reader = async (path: string, stopFile: string) => {
  const counts: Record<string, number> = {};
  const samples: string[] = [];
  process.stdout.write("ready\n");
  // Stops on the stop file, or when the test's folder is gone (an aborted run leaves no orphan).
  while (!existsSync(stopFile) && existsSync(dirname(stopFile))) {
    await new Promise((resolve) => setTimeout(resolve, 3)); // leave the cores to the writers
    try {
      const bytes = await atomicRead(path, { verifyChecksum: true, format: "bytes" });
      const key = isVersion(new TextDecoder().decode(bytes)) ? "ok" : "bad";
      counts[key] = (counts[key] ?? 0) + 1;
    } catch (error) {
      const name = (error as Error).name;
      counts[name] = (counts[name] ?? 0) + 1;
      if (name !== "CacheMissError" && samples.length < 3) samples.push(String(error));
    }
  }
  return { counts, samples };
};

const main = async () => {
  const [role, path, id, arg, log] = process.argv.slice(2);
  if (path === undefined || id === undefined || arg === undefined || log === undefined) {
    throw new Error("usage: writer|reader <path> <id> <swaps|stopFile> <log>");
  }
  const summary = role === "writer" ? await writer(path, id, Number(arg)) : await reader(path, arg);
  await writeFile(log, JSON.stringify(summary));
  process.stdout.write("done\n");
};

if (process.argv[1]?.includes("stress-child")) await main();
