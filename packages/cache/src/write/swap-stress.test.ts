import { describe, expect, it } from "vitest";
import { useBundledChild } from "../shared/__fixtures__/use-child";
import { runStress } from "./__fixtures__/run-stress";

const WRITERS = 8;
const READERS = 4;
const SWAPS = Number(process.env.PEAK_STRESS_SWAPS ?? 5_000);

const bundled = useBundledChild(new URL("__fixtures__/stress-child.ts", import.meta.url));

describe("the per-path lock under contention", () => {
  it(`admits one holder at a time over ${SWAPS} swaps by ${WRITERS} writer processes`, async () => {
    const result = await runStress(bundled.script, bundled.work, {
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
  }, 300_000);
});
