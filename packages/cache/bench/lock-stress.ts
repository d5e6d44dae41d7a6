// Longer lock stress: `pnpm --filter @peak/cache bench:stress` (STRESS_SWAPS, default 20,000;
// STRESS_WRITERS 8, STRESS_READERS 4). Prints swaps, overlapping holders and reader outcomes.
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { bundleChild } from "../src/shared/__fixtures__/bundle-child";
import { fastTempRoot } from "../src/shared/__fixtures__/temp-dir";
import { runStress } from "../src/write/__fixtures__/run-stress";

const writers = Number(process.env.STRESS_WRITERS ?? 8);
const readers = Number(process.env.STRESS_READERS ?? 4);
const swaps = Number(process.env.STRESS_SWAPS ?? 20_000);

const work = await mkdtemp(join(fastTempRoot(), "peak-cache-bench-stress-"));
try {
  const script = await bundleChild(
    work,
    new URL("../src/write/__fixtures__/stress-child.ts", import.meta.url),
  );
  const started = performance.now();
  const result = await runStress(script, work, {
    writers,
    readers,
    swapsPerWriter: Math.ceil(swaps / writers),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`lock stress: ${writers} writers, ${readers} readers, ${seconds.toFixed(1)} s`);
  console.log(JSON.stringify(result, null, 2));
  if (result.overlaps > 0 || result.failedChildren > 0) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
