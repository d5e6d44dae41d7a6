#!/usr/bin/env node
// Mutation testing for one package (issue 22): StrykerJS 9.6 with the vitest runner, in place
// (each package's vitest.config.ts imports ../../vitest.shared.ts, which a sandbox would lose).
// Run from a package directory (its `mutation` script); reads ./mutation.json:
//   { "core": ["src/a.ts", …], "exclude": ["src/b.ts", …], "vitestConfig": "vitest.mutation.config.ts" }
// `vitestConfig` (optional, default vitest.config.ts) lets a package point Stryker at a narrower
// config, e.g. one that leaves out child-process suites (a child never runs the active mutant).
// Core files must score >= 90, every other src file >= 85 (tests, fixtures, index.ts excluded).
// Flags: --core (mutate only the core files), --files a.ts,b.ts (only these), --incremental
// (Stryker's incremental mode with the package's mutation-incremental.json, meant to be committed:
// a run re-tests only mutants whose file or covering tests changed since the file was written, and
// a --files run updates those files' results and keeps the others, so a whole-package report can
// be built up over several shorter runs).
// Reports: clear text on stdout, JSON in reports/mutation/mutation.json (gitignored).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { Stryker } from "@stryker-mutator/core";
import { backup, findInstrumented, restore } from "./mutation/guard.mjs";
import { checkScores, fileScores } from "./mutation/scores.mjs";

const THRESHOLDS = { core: 90, rest: 85 };
const cwd = process.cwd();
const settings = JSON.parse(readFileSync(join(cwd, "mutation.json"), "utf8"));
const args = process.argv.slice(2);

const SCRIPT = /\.[cm]?[jt]s$/;
const TEST = /\.(test|test-d|d)\.ts$/;

/** Every script file under `dir`, package-relative with forward slashes. */
function scriptFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...scriptFiles(full));
    else if (SCRIPT.test(entry.name)) out.push(relative(cwd, full).split("\\").join("/"));
  }
  return out;
}

const core = new Set(settings.core);
const excluded = new Set(["src/index.ts", ...(settings.exclude ?? [])]);
const filesFlag = args.indexOf("--files");
const everyScript = [
  ...scriptFiles(join(cwd, "src")),
  ...readdirSync(cwd).filter((f) => SCRIPT.test(f)),
];
let mutate = everyScript.filter(
  (f) =>
    f.endsWith(".ts") && !TEST.test(f) && f.startsWith("src/") && !f.includes("/__fixtures__/"),
);
// An exclude entry ending in "/" leaves out a whole folder (e.g. a fuzz harness).
const excludedDirs = [...excluded].filter((e) => e.endsWith("/"));
mutate = mutate.filter((f) => !excluded.has(f) && !excludedDirs.some((d) => f.startsWith(d)));
if (args.includes("--core")) mutate = mutate.filter((f) => core.has(f));
if (filesFlag !== -1) mutate = args[filesFlag + 1].split(",").map((f) => f.trim());
for (const file of [...core, ...mutate, ...excluded]) {
  if (!existsSync(join(cwd, file)))
    throw new Error(`mutation.json names ${file}, which does not exist`);
}

backup(cwd, everyScript);
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    interrupted = true;
    restore(cwd);
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}
process.on("exit", () => restore(cwd));

const reportFile = "reports/mutation/mutation.json";
try {
  await new Stryker({
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner"],
    vitest: { configFile: settings.vitestConfig ?? "vitest.config.ts" },
    inPlace: true,
    // vitest does not type-check here, so Stryker need not add `// @ts-nocheck` to every file.
    disableTypeChecks: false,
    concurrency: 1,
    coverageAnalysis: "perTest",
    mutate,
    // Static mutants (top-level constants, `const f = () => …`) must run: with ignoreStatic, the
    // ones also hit inside a test (a module re-imported by a test) were activated after module
    // load and falsely "survived".
    ignoreStatic: false,
    reporters: ["clear-text", "json", "progress-append-only"],
    jsonReporter: { fileName: reportFile },
    clearTextReporter: { allowColor: false, allowEmojis: false, logTests: false },
    thresholds: { high: THRESHOLDS.core, low: THRESHOLDS.rest, break: null },
    tempDirName: ".stryker-tmp",
    ...(args.includes("--incremental")
      ? { incremental: true, incrementalFile: "mutation-incremental.json" }
      : {}),
    timeoutMS: 10_000,
    timeoutFactor: 3,
    // Extra Stryker options for one run, e.g. PEAK_MUTATION_STRYKER='{"logLevel":"debug"}'.
    ...JSON.parse(process.env.PEAK_MUTATION_STRYKER ?? "{}"),
  }).runMutationTest();
} finally {
  if (!interrupted) restore(cwd);
}

const leftovers = findInstrumented(cwd);
if (leftovers.length > 0) {
  console.error(
    `[mutation] instrumented code left in: ${leftovers.join(", ")}; run git checkout on them`,
  );
  process.exit(2);
}
const failing = checkScores(fileScores(join(cwd, reportFile)), (f) => core.has(f), THRESHOLDS);
if (failing.length > 0) {
  console.error(
    `\n[mutation] ${failing.length} file(s) below threshold: ${failing.map((f) => f.file).join(", ")}`,
  );
  process.exit(1);
}
console.log("\n[mutation] every file meets its threshold");
