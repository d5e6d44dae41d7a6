// checkOhlcv on in-memory Float64Array columns (an arquero table), timed inside: one warm-up,
// then `reps` runs; prints the median. Usage: node node-check.mjs <columns-dir> <rows> <reps>
import { CONTRACTS_DIST, importDist, importFromCache } from "../paths.mjs";
import { loadColumns, print, timed } from "./columns.mjs";

const [dir, rows, reps] = process.argv.slice(2);
const { checkOhlcv } = await importDist(CONTRACTS_DIST);
const aq = await importFromCache("arquero");
const table = aq.table(loadColumns(dir, Number(rows)));
const first = checkOhlcv(table);
if (!first.ok) throw new Error(`clean columns failed: ${JSON.stringify(first.violations)}`);
const runs = [];
for (let i = 0; i < Number(reps); i++) runs.push(await timed(() => checkOhlcv(table)));
runs.sort((a, b) => a.opS - b.opS);
const mid = runs[Math.floor(runs.length / 2)];
print({ opS: mid.opS, opCpuS: mid.opCpuS, rows: first.rows });
