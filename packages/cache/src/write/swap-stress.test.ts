import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleChild } from "../shared/__fixtures__/bundle-child";
import { fastTempRoot } from "../shared/__fixtures__/temp-dir";
import { runStress } from "./__fixtures__/run-stress";

const WRITERS = 8;
const READERS = 4;
const SWAPS = Number(process.env.PEAK_STRESS_SWAPS ?? 5_000);

let work: string;
let script: string;
beforeAll(async () => {
  work = await mkdtemp(join(fastTempRoot(), "peak-cache-stress-"));
  script = await bundleChild(work, new URL("__fixtures__/stress-child.ts", import.meta.url));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("the per-path lock under contention", () => {
  it(`admits one holder at a time over ${SWAPS} swaps by ${WRITERS} writer processes`, async () => {
    const result = await runStress(script, work, {
      writers: WRITERS,
      readers: READERS,
      swapsPerWriter: SWAPS / WRITERS,
    });
    console.info(`lock stress: ${JSON.stringify(result)}`);
    expect(result.failedChildren).toBe(0);
    expect(result.swaps).toBe(SWAPS);
    expect(result.overlaps).toBe(0);
    // Readers verify every read: a complete version, or "not written yet", never corruption.
    const unexpected = Object.keys(result.reads).filter(
      (k) => k !== "ok" && k !== "CacheMissError",
    );
    expect(unexpected).toEqual([]);
    expect(result.reads.ok).toBeGreaterThan(0);
  }, 120_000);
});
