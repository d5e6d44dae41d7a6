// Quality warnings on vs off on the same table, interleaved rounds (rotated order, medians).
import * as aq from "arquero";
import { checkOhlcv, QUALITY_RULES } from "../src/index";
import { cleanColumns } from "./data";
import { compare, mRows } from "./measure";

/** Times checkOhlcv on `rows` clean minute bars with quality off, on (defaults) and on (all six rules). */
export const qualityOnOff = (rows: number, rounds: number, log: (line: string) => void): void => {
  const table = aq.table(cleanColumns(rows));
  const all = { rules: QUALITY_RULES };
  const t = compare(
    [
      { name: "off", run: () => checkOhlcv(table) },
      { name: "on", run: () => checkOhlcv(table, { quality: true }) },
      { name: "all", run: () => checkOhlcv(table, { quality: all }) },
    ],
    rounds,
  );
  const [off, on, allOn] = ["off", "on", "all"].map((k) => t.get(k) as number) as [
    number,
    number,
    number,
  ];
  const warnings = checkOhlcv(table, { quality: true }).warnings?.length ?? 0;
  const m = `${rows / 1e6}M`;
  log(`${m} clean rows, quality warnings, ${rounds} interleaved rounds, medians:`);
  log(`  quality off                      ${off.toFixed(1)} ms  ${mRows(rows, off)}`);
  log(
    `  quality on (defaults, 5 rules)   ${on.toFixed(1)} ms  ${mRows(rows, on)}  +${(on - off).toFixed(1)} ms (${((on / off - 1) * 100).toFixed(0)}%), ${warnings} warnings`,
  );
  log(
    `  quality on (+ volume_spike)      ${allOn.toFixed(1)} ms  ${mRows(rows, allOn)}  +${(allOn - off).toFixed(1)} ms`,
  );
};
