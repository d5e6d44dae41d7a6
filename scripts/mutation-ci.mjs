#!/usr/bin/env node
// The CI mutation step (issue 22): Stryker on a fixed core set that fits in about five minutes on
// a loaded two-core machine, one package at a time, failing when any core file scores below 90
// (scripts/mutation.mjs checks each file). The full run stays `pnpm mutation`.
// Usage: node scripts/mutation-ci.mjs
import { spawnSync } from "node:child_process";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Package → the core files CI mutates (each is also listed as core in its mutation.json).
 * Measured on 2026-12-01 on a quiet two-core machine: errors 2 min 27 s, invariants 51 s,
 * resilience rules 58 s (resilience-prometheus 1 min 58 s, cache sidecar 3 min 33 s and contracts
 * number-text 5 min 54 s all scored >= 90 too but do not fit the budget); add files only after timing
 * them (`node ../../scripts/mutation.mjs --files …` in the package). Packages run one after
 * another: never mutate two packages at once (their instrumented code shares one namespace).
 */
const CORE_SET = {
  "@peak/errors": [
    "src/hints/escape-control.ts",
    "src/hints/did-you-mean.ts",
    "src/json/from-json.ts",
    "src/json/safe-json.ts",
    "src/peak-trade-error.ts",
  ],
  "@peak/invariants": ["src/checker/violation.ts", "src/checker/settings.ts"],
  "@peak/resilience": [
    "src/breaker/rules/consecutive-rule.ts",
    "src/breaker/rules/count-window-rule.ts",
    "src/breaker/rules/time-window-rule.ts",
  ],
};

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  PATH: [join(root, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter),
};
const started = Date.now();
const failed = [];
for (const [pkg, files] of Object.entries(CORE_SET)) {
  const args = ["run", "mutation", `--filter=${pkg}`, "--", "--files", files.join(",")];
  console.log(`\n[mutation-ci] ${pkg}: ${files.join(", ")}`);
  const run = spawnSync("turbo", args, { cwd: root, env, stdio: "inherit" });
  if (run.status !== 0) failed.push(pkg);
}
const seconds = Math.round((Date.now() - started) / 1000);
if (failed.length > 0) {
  console.error(`[mutation-ci] below threshold or broken in ${failed.join(", ")} (${seconds} s)`);
  process.exit(1);
}
console.log(`[mutation-ci] every core file in the CI set scores >= 90 (${seconds} s)`);
