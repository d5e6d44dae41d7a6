// --self-check: every validate tool must find exactly the defects writeDefectCsv planted (so
// the peers really run "the same rules"), and the verdict logic must refuse to pass on
// missing, failed or unusable measurements. Returns the number of failed checks.
import { join } from "node:path";
import { writeDefectCsv } from "./defect-csv.mjs";
import { validateTools } from "./groups.mjs";
import { runOnce } from "./rounds.mjs";
import { judge } from "./verdicts.mjs";

const RULES = [
  "invalid_timestamp",
  "unsorted_timestamps",
  "duplicate_timestamps",
  "nan",
  "not_finite",
  "non_positive_price",
  "high_below_low",
  "ohlc_out_of_range",
  "negative_volume",
];

/** Rule totals from a validate --json report (ours) or a peer's counts. */
const totals = (out) => {
  const t = Object.fromEntries(RULES.map((r) => [r, 0]));
  if (Array.isArray(out.violations))
    for (const v of out.violations) t[v.rule] = (t[v.rule] ?? 0) + v.count;
  else for (const [rule, n] of Object.entries(out.counts ?? {})) t[rule] = n;
  return t;
};

const defectsFound = ({ dir, py, meter, log }) => {
  const file = join(dir, "defects.csv");
  const want = { ...Object.fromEntries(RULES.map((r) => [r, 0])), ...writeDefectCsv(file) };
  let failed = 0;
  for (const tool of validateTools(file, 2_000, py)) {
    // Defects make ours exit 1 and the peers' counts non-zero: accept any JSON, compare totals.
    const run = runOnce(meter, { ...tool, check: () => undefined }, 0);
    const got = run.output === undefined ? undefined : totals(run.output);
    const same = got !== undefined && RULES.every((r) => got[r] === want[r]);
    if (!same) failed += 1;
    log(
      `self-check: ${tool.name} finds the planted defects: ${same ? "ok" : `NO, got ${JSON.stringify(got ?? run.error)}`}`,
    );
  }
  return failed;
};

const summary = (name, value, extra = {}) => ({ name, good: 3, runs: 3, wallS: value, ...extra });

const verdictCases = () => {
  const goal = { label: "t", metric: "wallS", required: ["a", "b"], kind: "speedup", bar: 1.5 };
  const ours = summary("ours", 1, { ours: true });
  return [
    ["a required peer did not run", judge(goal, [ours, summary("a", 2)]).status, "SKIPPED"],
    ["no peers at all", judge(goal, [ours]).status, "SKIPPED"],
    ["our tool did not run", judge(goal, [summary("a", 2), summary("b", 2)]).status, "SKIPPED"],
    [
      "a peer's runs failed",
      judge(goal, [ours, summary("a", 2), summary("b", 2, { error: "x" })]).status,
      "FAILED",
    ],
    [
      "our runs failed",
      judge(goal, [{ ...ours, good: 0 }, summary("a", 2), summary("b", 2)]).status,
      "FAILED",
    ],
    [
      "our time is NaN",
      judge(goal, [{ ...ours, wallS: NaN }, summary("a", 2), summary("b", 2)]).status,
      "MISSED",
    ],
    [
      "1.6x the fastest peer",
      judge(goal, [ours, summary("a", 1.6), summary("b", 9)]).status,
      "MET",
    ],
    [
      "1.4x the fastest peer",
      judge(goal, [ours, summary("a", 1.4), summary("b", 9)]).status,
      "MISSED",
    ],
    [
      "a fraction over its bar",
      judge({ ...goal, kind: "fraction", bar: 0.5 }, [ours, summary("a", 1.9), summary("b", 3)])
        .status,
      "MISSED",
    ],
    [
      "a fraction under its bar",
      judge({ ...goal, kind: "fraction", bar: 0.5 }, [ours, summary("a", 2.1), summary("b", 3)])
        .status,
      "MET",
    ],
  ];
};

export const selfCheck = (context) => {
  let failed = defectsFound(context);
  for (const [what, got, want] of verdictCases()) {
    const ok = got === want;
    if (!ok) failed += 1;
    context.log(`self-check: verdict when ${what}: ${got}${ok ? "" : ` (expected ${want})`}`);
  }
  return failed;
};
