// One verdict per goal of issue 19. A goal is MET only when our tool and every peer the goal
// names ran and passed their checks and the ratio is a finite number on the right side of the
// bar; a peer that did not run makes it SKIPPED, a failed run FAILED, anything else MISSED.

/**
 * `goal`: { label, metric ("wallS" | "opS" | "rssBytes"), required: peer names, peers: names
 * whose best value counts (default: required), kind ("speedup" = best peer / ours must be
 * >= bar; "fraction" = ours / best peer must be <= bar), bar }.
 * `summaries`: rows from rounds.summarise (undefined entries for tools that were not run).
 * Returns { status, ratio, text }.
 */
export const judge = (goal, summaries) => {
  const byName = new Map(summaries.filter(Boolean).map((s) => [s.name, s]));
  const ours = summaries.find((s) => s?.ours);
  const peerNames = goal.peers ?? goal.required;
  const missing = goal.required.filter((name) => !byName.has(name));
  const verdict = (status, ratio, why) => ({
    status,
    ratio,
    text: `goal: ${goal.label}: ${status} (${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}${why ? `; ${why}` : ""})`,
  });
  if (ours === undefined) return verdict("SKIPPED", NaN, "our tool did not run");
  if (missing.length > 0) {
    return verdict("SKIPPED", NaN, `not run: ${missing.join(", ")}`);
  }
  const failed = [ours, ...peerNames.map((n) => byName.get(n))].filter(
    (s) => s !== undefined && (s.error !== undefined || s.good === 0),
  );
  if (failed.length > 0) {
    return verdict("FAILED", NaN, `failed runs: ${failed.map((s) => s.name).join(", ")}`);
  }
  const values = peerNames.map((n) => byName.get(n)?.[goal.metric]).filter(Number.isFinite);
  const best = values.length === 0 ? NaN : Math.min(...values);
  const mine = ours[goal.metric];
  const ratio = goal.kind === "speedup" ? best / mine : mine / best;
  const ok = goal.kind === "speedup" ? ratio >= goal.bar : ratio <= goal.bar;
  if (!Number.isFinite(ratio)) return verdict("MISSED", ratio, "no usable measurement");
  return verdict(ok ? "MET" : "MISSED", ratio);
};

/** The goals of issue 19 over the group summaries (keyed by group id), in the issue's order. */
export const issueGoals = (sizes) => {
  const big = countLabel(sizes.bigRows);
  const small = countLabel(sizes.smallRows);
  const csvPeers = ["pandas", "polars", "duckdb (py)"];
  const allCsvPeers = [...csvPeers, "duckdb (node)"];
  return [
    [
      "validateBig",
      `validate ${big} >= 1.5x fastest peer`,
      "wallS",
      csvPeers,
      allCsvPeers,
      "speedup",
      1.5,
    ],
    [
      "validateBig",
      `validate ${big} peak RSS <= 0.5x lowest peer`,
      "rssBytes",
      csvPeers,
      allCsvPeers,
      "fraction",
      0.5,
    ],
    [
      "validateSmall",
      `validate ${small} no slower than fastest peer`,
      "wallS",
      csvPeers,
      allCsvPeers,
      "speedup",
      1,
    ],
    [
      "parquetRead",
      `Parquet ${small} atomicRead no slower than pandas read_parquet + SHA-256`,
      "opS",
      ["pandas read_parquet"],
      undefined,
      "speedup",
      1,
    ],
    [
      "parquetWrite",
      `Parquet ${small} atomicWrite no slower than pandas to_parquet + sidecar + fsync`,
      "opS",
      ["pandas to_parquet"],
      undefined,
      "speedup",
      1,
    ],
    [
      "raw",
      `raw ${(sizes.rawBytes / 2 ** 20).toFixed(0)} MiB atomicWrite + SHA-256 <= 1.2x plain write + fsync`,
      "opS",
      ["plain write+fsync"],
      undefined,
      "fraction",
      1.2,
    ],
    ["check", `checkOhlcv ${big} >= 2x pandas`, "opS", ["pandas rules"], undefined, "speedup", 2],
  ].map(([group, label, metric, required, peers, kind, bar]) => ({
    group,
    label,
    metric,
    required,
    peers,
    kind,
    bar,
  }));
};

export const countLabel = (n) =>
  n >= 1e6 && n % 1e5 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 100 === 0 ? `${n / 1e3}k` : `${n}`;
