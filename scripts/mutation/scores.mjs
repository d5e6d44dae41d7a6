// Per-file mutation scores from Stryker's JSON report (mutation-testing-report-schema), checked
// against the core (90) and rest (85) thresholds of issue 22.
import { readFileSync } from "node:fs";

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** Score per file: detected / (detected + undetected), like Stryker's own mutation score. */
export function fileScores(reportPath) {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    const valid = detected + undetected;
    return {
      file,
      mutants: mutants.length,
      detected,
      undetected,
      score: valid === 0 ? 100 : (100 * detected) / valid,
    };
  });
}

/** Prints the per-file table and returns the files that fall below their threshold. */
export function checkScores(scores, isCore, thresholds) {
  const rows = [...scores].sort((a, b) => a.file.localeCompare(b.file));
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  console.log(`\n${"file".padEnd(width)}  kind  score   killed  survived  needs`);
  const failing = [];
  for (const row of rows) {
    const core = isCore(row.file);
    const needed = core ? thresholds.core : thresholds.rest;
    const ok = row.score >= needed;
    if (!ok) failing.push({ ...row, needed });
    console.log(
      `${row.file.padEnd(width)}  ${core ? "core" : "rest"}  ${row.score.toFixed(1).padStart(5)}%` +
        `  ${String(row.detected).padStart(6)}  ${String(row.undetected).padStart(8)}  ${needed}${ok ? "" : "  FAIL"}`,
    );
  }
  return failing;
}
