// `pnpm --filter @peak/contracts fuzz [cases] [firstSeed]`: the long CSV fuzz run (default 20,000).
import { runCsvFuzz } from "../src/csv/fuzz/run-fuzz";

const cases = Number(process.argv[2] ?? 20_000);
const firstSeed = Number(process.argv[3] ?? 1);
const started = performance.now();
const counts = await runCsvFuzz(cases, { firstSeed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  JSON.stringify({ ...counts, failures: counts.failures.slice(0, 10), seconds }, null, 2),
);
const failed = counts.untyped + counts.timeouts + counts.crashes;
console.log(`${counts.parsed + counts.typed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
