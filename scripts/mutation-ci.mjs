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
 * Measured on 2026-12-01 under a load average of ~22 on two cores; add files only after timing
 * them (`node ../../scripts/mutation.mjs --files …` in the package). Packages run one after
 * another: never mutate two packages at once (their instrumented code shares one namespace).
 */
const CORE_SET = {
  "@peak/errors": ["src/hints/escape-control.ts", "src/hints/did-you-mean.ts"],
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
