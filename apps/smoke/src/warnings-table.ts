import type { OhlcvReport } from "@peak/contracts";

/** Human output of the quality warnings, printed after the violations ("" when none). */
export function formatWarnings(report: OhlcvReport): string {
  const warnings = report.warnings ?? [];
  if (warnings.length === 0) return "";
  const lines = [`${warnings.length} quality warning${warnings.length === 1 ? "" : "s"}:`];
  for (const w of warnings) {
    const where = [w.rule, w.column, w.kind].filter((x) => x !== undefined).join(" ");
    lines.push(`  warning ${where}: ${w.message}`);
    lines.push(`    first rows: ${w.rows.join(", ")}`);
    lines.push(`    hint: ${w.hint}`);
  }
  return `${lines.join("\n")}\n`;
}
