import { mkdtemp, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { useBundledChild } from "../shared/__fixtures__/use-child";
import { startWriter } from "../shared/__fixtures__/bundle-child";
import { sha256sumFailures, tempFilesIn } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "../read/atomic-read";
import { CacheManifest } from "../manifest/cache-manifest";
import { CacheMissError } from "../shared/cache-miss-error";
import { ENTRIES } from "./__fixtures__/crash-child";
import { isVersion } from "./__fixtures__/versions";
import { cleanup } from "./cleanup";

const KILLS = Number(process.env.PEAK_CRASH_KILLS ?? 510); // a multiple of LANES
const LANES = 5; // cache folders killed in parallel: their children overlap startup and sleeps

const bundled = useBundledChild(new URL("__fixtures__/crash-child.ts", import.meta.url));

type Seen = Record<string, number>;
const count = (seen: Seen, key: string) => void (seen[key] = (seen[key] ?? 0) + 1);

// Every entry reads back, verified, as one complete written version or as a miss.
const checkReads = async (dir: string, seen: Seen) => {
  for (const name of ENTRIES) {
    try {
      const bytes = await atomicRead(join(dir, name), { verifyChecksum: true, format: "bytes" });
      count(seen, isVersion(new TextDecoder().decode(bytes)) ? "complete" : "torn");
    } catch (error) {
      count(
        seen,
        CacheMissError.isInstance(error)
          ? "miss"
          : `${(error as Error).name}: ${(error as Error).message}`,
      );
    }
  }
  await CacheManifest.load(join(dir, "manifest.json")).then(
    () => count(seen, "manifest ok"),
    (error: unknown) =>
      count(
        seen,
        (error as Error).message.startsWith("Manifest not found")
          ? "manifest missing"
          : `manifest: ${String(error)}`,
      ),
  );
};

// One lane: start the child, SIGKILL it 0-40 ms into its loop, check, sometimes repair and
// remove an entry (so the next child's write to it is a first write).
const runLane = async (dir: string, kills: number, seen: Seen) => {
  for (let i = 0; i < kills; i += 1) {
    const child = startWriter(bundled.script, [dir, `${i}`]);
    await child.ready;
    await delay(Math.floor(Math.random() * 40));
    child.child.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    const names = await readdir(dir);
    if (names.some((n) => n.endsWith(".peaklock"))) count(seen, "killed holding a lock");
    await checkReads(dir, seen);
    if (i % 3 !== 2) continue; // repair and check sha256sum -c after every third kill
    await cleanup(dir, { olderThanMs: 0 });
    expect(await tempFilesIn(dir)).toEqual([]);
    expect((await readdir(dir)).filter((n) => n.startsWith("."))).toEqual([]);
    const failures = await sha256sumFailures(dir);
    if (failures.length > 0) count(seen, `sha256sum -c: ${failures.join("; ")}`);
    if (i % 6 !== 5) continue;
    const victim = ENTRIES[(i / 6) % ENTRIES.length | 0]!;
    for (const suffix of ["", ".sha256", ".xxh3"])
      await rm(join(dir, victim + suffix), { force: true });
  }
};

describe("crash safety", () => {
  it(`serves complete versions or misses across ${KILLS} SIGKILLs of mixed writes, saves and cleanups`, async () => {
    const seen: Seen = {};
    const dirs = await Promise.all(
      Array.from({ length: LANES }, (_, i) => mkdtemp(join(bundled.work, `lane${i}-`))),
    );
    await Promise.all(dirs.map((dir) => runLane(dir, KILLS / LANES, seen)));
    console.info(`crash loop: ${KILLS} kills, ${JSON.stringify(seen)}`);
    const allowed = [
      "complete",
      "miss",
      "killed holding a lock",
      "manifest ok",
      "manifest missing",
    ];
    expect(Object.keys(seen).filter((key) => !allowed.includes(key))).toEqual([]);
    expect(seen["killed holding a lock"]).toBeGreaterThan(0);
  }, 600_000);
});
