// Runs the lock stress: writer and reader children on one path, then checks the lock logs.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startWriter } from "../../shared/__fixtures__/bundle-child";
import { countOverlaps, holdIntervals } from "./lock-intervals";

/** What one stress run saw. */
export interface StressResult {
  swaps: number;
  overlaps: number;
  /** Reader outcomes summed over readers: ok, bad (torn or foreign bytes), or an error name. */
  reads: Record<string, number>;
  samples: string[];
  failedChildren: number;
  /** atomicWrite calls that threw. */
  writeErrors: string[];
}

/** Starts `writers` writer and `readers` reader children of `script` on `<dir>/shared.bin`. */
export const runStress = async (
  script: string,
  dir: string,
  options: { writers: number; readers: number; swapsPerWriter: number },
): Promise<StressResult> => {
  const path = join(dir, "shared.bin");
  const stop = join(dir, "stop");
  const log = (role: string, i: number) => join(dir, `${role}-${i}.json`);
  const spawnAll = (role: string, count: number, arg: string) =>
    Array.from({ length: count }, (_, i) =>
      startWriter(script, [role, path, `${role[0]}${i}`, arg, log(role, i)]),
    );
  const readers = spawnAll("reader", options.readers, stop);
  await Promise.all(readers.map((r) => r.ready));
  const writers = spawnAll("writer", options.writers, String(options.swapsPerWriter));
  const writerExits = await Promise.all(writers.map((w) => w.exited));
  await writeFile(stop, "");
  const readerExits = await Promise.all(readers.map((r) => r.exited));
  const failedChildren = [...writerExits, ...readerExits].filter((e) => e.code !== 0).length;
  const logs: Record<string, string[]> = {};
  const writeErrors: string[] = [];
  for (let i = 0; i < options.writers; i += 1) {
    const text = await readFile(log("writer", i), "utf8").catch(
      () => '{"events":[],"errors":["no log"]}',
    );
    const summary = JSON.parse(text) as { events: string[]; errors: string[] };
    logs[`w${i}`] = summary.events;
    writeErrors.push(...summary.errors);
  }
  const intervals = holdIntervals(logs);
  const reads: Record<string, number> = {};
  const samples: string[] = [];
  for (let i = 0; i < options.readers; i += 1) {
    const summary = JSON.parse(await readFile(log("reader", i), "utf8")) as {
      counts: Record<string, number>;
      samples: string[];
    };
    for (const [key, n] of Object.entries(summary.counts)) reads[key] = (reads[key] ?? 0) + n;
    samples.push(...summary.samples);
  }
  return {
    swaps: intervals.length,
    overlaps: countOverlaps(intervals),
    reads,
    samples,
    failedChildren,
    writeErrors: writeErrors
      .slice(0, 5)
      .concat(writeErrors.length > 5 ? [`… ${writeErrors.length} in all`] : []),
  };
};
