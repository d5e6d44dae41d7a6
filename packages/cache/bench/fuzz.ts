// Long fuzz run: `pnpm --filter @peak/cache fuzz` (FUZZ_CASES, FUZZ_SEED to change it).
// Every case must end within 2 s with a table or a PeakTradeError; prints the counts.
import { readFile } from "node:fs/promises";
import { bundleCacheFuzzWorker } from "../src/fuzz/bundle-worker";
import { cacheSeeds } from "../src/fuzz/cache-seeds";
import { fuzzCacheDecoder } from "../src/fuzz/cache-fuzz";

const cases = Number(process.env.FUZZ_CASES ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const regression = new URL("../src/codec/__fixtures__/corrupt-footer.arrow", import.meta.url);

const started = performance.now();
const { counts, bad } = await fuzzCacheDecoder({
  workerFile: await bundleCacheFuzzWorker(),
  seeds: await cacheSeeds(),
  cases,
  seed,
  extra: [{ name: "corrupt-footer", format: "arrow", bytes: await readFile(regression) }],
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzz seed ${seed}: ${JSON.stringify(counts)} in ${seconds} s`);
for (const c of bad.slice(0, 20))
  console.log(`  bad #${c.index} ${c.seed} ${c.mutation} ${c.outcome} ${c.detail ?? ""}`);
process.exitCode = bad.length === 0 ? 0 : 1;
