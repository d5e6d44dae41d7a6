// pnpm --filter @peak/contracts bench — checkOhlcv vs arquero expressions vs pandas, one process.
import { cpus, loadavg } from "node:os";
import * as aq from "arquero";
import { checkOhlcv, parseOhlcvCsv } from "../src/index";
import { arqueroCheck } from "./arquero-rules";
import { csvFileRoundTrip } from "./csv-file";
import { cleanColumns, injectDefects, toCsv, type Columns } from "./data";
import { compare, maxRss, mib, mRows, rss } from "./measure";
import { pandasMissing, runPandas, type PandasResult } from "./pandas";
import { qualityOnOff } from "./quality";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const M = 1_000_000;
const log = (line = "") => process.stdout.write(`${line}\n`);
const tableBytes = (c: Columns) => Object.values(c).reduce((s, a) => s + a.byteLength, 0);
const ratio = (a: number, b: number) => `${(b / a).toFixed(1)}x`;

const oneMillion = (): number => {
  const cols = cleanColumns(M);
  const table = aq.table(cols);
  const t = compare(
    [
      { name: "checkOhlcv", run: () => checkOhlcv(table) },
      { name: "arquero", run: () => arqueroCheck(table) },
    ],
    ROUNDS,
  );
  const ours = t.get("checkOhlcv") as number;
  const arq = t.get("arquero") as number;
  log(`1M clean rows, ${ROUNDS} rounds, rotated, medians:`);
  log(`  checkOhlcv (arquero table)   ${ours.toFixed(1)} ms  ${mRows(M, ours)}`);
  log(`  arquero expressions (counts) ${arq.toFixed(1)} ms  ${mRows(M, arq)}`);
  log(`  ratio checkOhlcv vs arquero: ${ratio(ours, arq)} faster`);
  const text = toCsv(cols);
  const csv = compare([{ name: "csv", run: () => parseOhlcvCsv(text) }], 3).get("csv") as number;
  log(`  parseOhlcvCsv 1M rows (${mib(text.length)} text): ${csv.toFixed(0)} ms  ${mRows(M, csv)}`);
  return ours;
};

const tenMillion = (): {
  clean: number;
  defects: number;
  peakRatio: number;
  pandas?: PandasResult;
} => {
  const n = 10 * M;
  const before = rss();
  const cols = cleanColumns(n);
  const bytes = tableBytes(cols);
  const table = aq.table(cols);
  const clean = compare([{ name: "c", run: () => checkOhlcv(table) }], ROUNDS).get("c") as number;
  const peakClean = maxRss();
  log(
    `10M clean rows (table ${mib(bytes)} of Float64Array columns; RSS before building ${mib(before)}):`,
  );
  log(`  checkOhlcv ${clean.toFixed(1)} ms  ${mRows(n, clean)}  ok=${checkOhlcv(table).ok}`);
  log(
    `  peak RSS ${mib(peakClean)}; peak minus RSS before = ${((peakClean - before) / bytes).toFixed(2)}x the table`,
  );
  const missing = pandasMissing();
  const pandas = missing === undefined ? runPandas(cols, ROUNDS) : undefined;
  if (missing !== undefined) log(`  pandas: skipped (${missing})`);
  const defects = injectDefects(cols);
  const bad = compare([{ name: "c", run: () => checkOhlcv(table) }], ROUNDS).get("c") as number;
  const report = checkOhlcv(table);
  const peak = maxRss();
  log(`10M rows with ${defects} injected defects (1%):`);
  log(
    `  checkOhlcv ${bad.toFixed(1)} ms  ${mRows(n, bad)}  ${report.violations.length} violations, counts ${report.violations.map((v) => v.count).join("/")}`,
  );
  log(
    `  peak RSS ${mib(peak)}; peak minus RSS before = ${((peak - before) / bytes).toFixed(2)}x the table`,
  );
  const peakRatio = (peak - before) / bytes;
  return pandas === undefined
    ? { clean, defects: bad, peakRatio }
    : { clean, defects: bad, peakRatio, pandas };
};

const printPandas = (p: PandasResult, clean: number, defects: number): void => {
  const n = 10 * M;
  log(`pandas ${p.pandas} on the same 10M rows (${ROUNDS} rounds, medians; separate process):`);
  log(
    `  original validate_ohlcv rules, clean: ${(p.original_clean_s * 1e3).toFixed(0)} ms  ${mRows(n, p.original_clean_s * 1e3)}`,
  );
  log(
    `  all 12 rules lazily, clean:         ${(p.all_rules_clean_s * 1e3).toFixed(0)} ms  ${mRows(n, p.all_rules_clean_s * 1e3)}`,
  );
  log(
    `  all 12 rules lazily, 1% defects:    ${(p.all_rules_defects_s * 1e3).toFixed(0)} ms  ${mRows(n, p.all_rules_defects_s * 1e3)}`,
  );
  log(`  pandas frame ${mib(p.frame_bytes)}, peak RSS ${mib(p.max_rss_bytes)}`);
  log(
    `  ratio checkOhlcv vs pandas original rules (clean): ${ratio(clean, p.original_clean_s * 1e3)} faster`,
  );
  log(
    `  ratio checkOhlcv vs pandas all rules (clean):      ${ratio(clean, p.all_rules_clean_s * 1e3)} faster`,
  );
  log(
    `  ratio checkOhlcv vs pandas all rules (defects):    ${ratio(defects, p.all_rules_defects_s * 1e3)} faster`,
  );
};

log(
  `@peak/contracts bench — Node ${process.version}, ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
oneMillion();
const ten = tenMillion();
if (ten.pandas) printPandas(ten.pandas, ten.clean, ten.defects);
qualityOnOff(10 * M, ROUNDS, log);
const csvRows = Number(process.env.BENCH_CSV_ROWS ?? M);
const csv = await csvFileRoundTrip(csvRows);
log(
  `CSV file, ${csv.rows} rows (${mib(csv.fileBytes)}), parseOhlcvCsvStream: ${csv.parseMs.toFixed(0)} ms ` +
    `(${mRows(csv.rows, csv.parseMs)}); then checkOhlcv ${csv.checkMs.toFixed(0)} ms, ok=${csv.ok}`,
);
if (ten.pandas) {
  const vsPandas = (ten.pandas.original_clean_s * 1e3) / ten.clean;
  log(
    `goal 1.5x pandas (original rules, 10M clean): ${vsPandas >= 1.5 ? "met" : "NOT met"} (${vsPandas.toFixed(2)}x)`,
  );
}
log(
  `goal peak <= 1.3x the table (10M): ${ten.peakRatio <= 1.3 ? "met" : "NOT met"} (${ten.peakRatio.toFixed(2)}x)`,
);
log(
  `goal 40M rows/s on 10M clean rows: ${ten.clean > 0 && (10 * M) / ten.clean / 1000 >= 40 ? "met" : "NOT met"}`,
);
