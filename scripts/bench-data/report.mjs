// Plain-text tables for pnpm bench:data: one per comparison, medians, ratios against ours.

const num = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const mibOf = (bytes) => (Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(0) : "n/a");

const row = (cells, widths) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");

/**
 * Formats a group's summaries. `metric` ("wallS" or "opS") is the time the ratios use:
 * `x ours` is the tool's time over ours (> 1: ours is faster); `RSS x` its peak RSS over ours.
 */
export const formatGroup = (title, metric, summaries, skipped) => {
  const ours = summaries.find((s) => s.ours);
  const head = [
    "tool",
    "runs",
    "wall s",
    "op s",
    "op CPU s",
    "CPU s",
    "peak RSS MiB",
    "x ours",
    "RSS x",
  ];
  const lines = summaries.map((s) => [
    s.name + (s.ours ? " *" : ""),
    `${s.good}/${s.runs}`,
    num(s.wallS),
    num(s.opS, 3),
    num(s.opCpuS, 3),
    num(s.cpuS),
    mibOf(s.rssBytes),
    num(s[metric] / ours?.[metric]),
    num(s.rssBytes / ours?.rssBytes),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const what = metric === "wallS" ? "process wall time" : "in-process op time";
  const out = [
    `\n${title}`,
    `  medians; "x ours" compares ${what} (> 1: ours faster); CPU s and peak RSS are the whole process`,
    `  ${row(head, widths)}`,
    ...lines.map((l) => `  ${row(l, widths)}`),
  ];
  for (const s of summaries) if (s.error) out.push(`  ! ${s.name}: ${s.error}`);
  if (skipped.length > 0) out.push(`  skipped: ${skipped.join(", ")}`);
  return out.join("\n");
};
