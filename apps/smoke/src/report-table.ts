import type { OhlcvReport } from "@peak/contracts";

/**
 * Human output of `validate`: a summary line, one row per violated rule, then `details`
 * (example lines with the offending values).
 */
export function formatReport(
  file: string,
  report: OhlcvReport,
  details: string[] = [],
  firstLabel = "first rows",
): string {
  if (report.ok) return `${file}: ${report.rows} rows, no violations\n`;
  const header = ["rule", "column", "count", firstLabel];
  const rows = report.violations.map((v) => [
    v.rule,
    v.column ?? "",
    String(v.count),
    v.rows.length > 0 ? v.rows.join(", ") : "-",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const total = report.violations.reduce((n, v) => n + v.count, 0);
  return [
    `${file}: ${report.rows} rows, ${report.violations.length} rules violated (${total} findings)`,
    line(header),
    ...rows.map(line),
    ...details,
    ...report.violations
      .filter((v) => v.hint)
      .slice(0, 1)
      .map((v) => `hint: ${v.hint}`),
    "",
  ].join("\n");
}
