#!/usr/bin/env node
// Packaging check for every publishable @peak/* package:
//   1. publint on the package folder, attw on the packed tarball (ESM-only profile), the
//      metadata fields and the tarball's contents (scripts/pack-fields.mjs);
//   2. pnpm pack each package, install the tarballs into a fresh project outside the workspace;
//   3. import each package from an ESM module and require it from a CommonJS module;
//   4. type-check a consumer file with `tsc --strict` under moduleResolution node16 and bundler;
//   5. load @peak/errors twice (two installed copies) and check the cross-copy guards.
// `--self-test` breaks @peak/errors' exports map in a copy and expects the check to fail.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { checkManifest, checkTarball } from "./pack-fields.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

const publishable = () =>
  readdirSync(join(root, "packages"))
    .map((dir) => join(root, "packages", dir))
    .map((dir) => ({
      dir,
      repoDir: relative(root, dir).split("\\").join("/"),
      pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")),
    }))
    .filter(({ pkg }) => !pkg.private);

function step(label, fn) {
  try {
    fn();
    console.log(`  ok   ${label}`);
  } catch (error) {
    const out = [error.stdout, error.stderr].filter(Boolean).join("\n").trim();
    throw new Error(`${label} failed${out ? `:\n${out}` : `: ${error.message}`}`, { cause: error });
  }
}

function check(packages, work) {
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs, { recursive: true });
  const files = {};
  for (const { dir, repoDir, pkg } of packages) {
    step(`publint ${pkg.name}`, () => run(bin("publint"), ["--strict", dir], root));
    step(`metadata ${pkg.name}`, () => checkManifest(pkg, repoDir));
    const out = run("pnpm", ["pack", "--pack-destination", tarballs], dir).trim().split("\n");
    files[pkg.name] = out.at(-1).trim();
    const names = packages.map(({ pkg: p }) => p.name);
    step(`tarball contents ${pkg.name}`, () => checkTarball(files[pkg.name], names));
    step(`attw ${pkg.name}`, () =>
      run(bin("attw"), [files[pkg.name], "--profile", "esm-only", "--format", "ascii"], root),
    );
  }
  const consumer = join(work, "consumer");
  mkdirSync(consumer);
  const deps = Object.fromEntries(Object.entries(files).map(([n, f]) => [n, `file:${f}`]));
  const errorsTgz = files["@peak/errors"];
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      type: "module",
      dependencies: { ...deps, "errors-copy": `file:${errorsTgz}` },
      devDependencies: { typescript: "5.9.3", "@types/node": "^20.19.0" },
      // arquero 8.0.3 pulls @uwdata/flechette 2.7, whose own dependency is not in the registry.
      overrides: { ...deps, "@uwdata/flechette": "2.6.0" },
    }),
  );
  step("npm install of the tarballs", () =>
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], consumer),
  );
  const names = Object.keys(files);
  const esm = names.map((n, i) => `import * as m${i} from "${n}";`).join("\n");
  const checks = names
    .map((n, i) => `if (Object.keys(m${i}).length === 0) throw new Error("${n}: no exports");`)
    .join("\n");
  writeFileSync(join(consumer, "esm.mjs"), `${esm}\n${checks}\nconsole.log("esm ok");\n`);
  step("ESM import of every package", () => run("node", ["esm.mjs"], consumer));
  const cjs = names
    .map((n) => `if (Object.keys(require("${n}")).length === 0) throw new Error("${n}");`)
    .join("\n");
  writeFileSync(join(consumer, "cjs.cjs"), `${cjs}\nconsole.log("cjs ok");\n`);
  step("CommonJS require of every package", () => run("node", ["cjs.cjs"], consumer));
  writeFileSync(join(consumer, "cross-copy.mjs"), CROSS_COPY);
  step("cross-copy guards of @peak/errors", () => run("node", ["cross-copy.mjs"], consumer));
  // Every package with skipLibCheck (arquero's and flechette's own .d.ts do not pass strict);
  // the packages that do not pull arquero also without it, so their .d.ts are checked in full.
  const arquero = (n) => packages.find(({ pkg }) => pkg.name === n)?.pkg.dependencies?.arquero;
  const plans = [
    { label: "", names, flags: ["--skipLibCheck"] },
    { label: " (full lib check)", names: names.filter((n) => !arquero(n)), flags: [] },
  ];
  for (const resolution of ["node16", "bundler"]) {
    const module = resolution === "node16" ? "node16" : "esnext";
    for (const plan of plans) {
      const imports = plan.names.map((n, i) => `import * as m${i} from "${n}";`).join("\n");
      const used = plan.names.map((_, i) => `m${i}`).join(", ");
      writeFileSync(
        join(consumer, "consumer.ts"),
        `${imports}\nexport const loaded = [${used}];\n`,
      );
      step(`tsc --strict, moduleResolution ${resolution}${plan.label}`, () =>
        run(
          join(consumer, "node_modules", ".bin", "tsc"),
          [
            "--strict",
            "--noEmit",
            ...plan.flags,
            "--module",
            module,
            "--moduleResolution",
            resolution,
            "--target",
            "es2022",
            "--types",
            "node",
            "consumer.ts",
          ],
          consumer,
        ),
      );
    }
  }
}

const CROSS_COPY = `
import * as a from "@peak/errors";
import * as b from "errors-copy";
if (a.ConfigError === b.ConfigError) throw new Error("expected two copies of @peak/errors");
const e = new b.ConfigError("x", { hint: "h" });
if (e instanceof a.ConfigError) throw new Error("instanceof unexpectedly crossed copies");
if (!a.isPeakTradeError(e) || !a.ConfigError.isInstance(e) || !a.isConfigError(e)) throw new Error("brand guard failed across copies");
if (a.DataContractError.isInstance(e)) throw new Error("brand guard confused classes");
console.log("cross-copy ok");
`;

function main() {
  const selfTest = process.argv.includes("--self-test");
  const work = mkdtempSync(join(tmpdir(), "peak-pack-check-"));
  try {
    const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
    let packages = publishable().filter(({ pkg }) => only.length === 0 || only.includes(pkg.name));
    if (selfTest) {
      const errors = packages.find(({ pkg }) => pkg.name === "@peak/errors");
      const copy = join(work, "broken-errors");
      cpSync(errors.dir, copy, { recursive: true, filter: (src) => !src.includes("node_modules") });
      const pkg = JSON.parse(readFileSync(join(copy, "package.json"), "utf8"));
      pkg.exports["."].default = "./dist/missing.js";
      pkg.publishConfig.exports["."].default = "./dist/missing.js";
      writeFileSync(join(copy, "package.json"), JSON.stringify(pkg, null, 2));
      packages = [{ dir: copy, repoDir: errors.repoDir, pkg }];
      try {
        check(packages, work);
      } catch (error) {
        console.log(
          `self-test ok: a broken exports map is caught (${error.message.split("\n")[0]})`,
        );
        return;
      }
      throw new Error("self-test failed: a broken exports map passed the packaging check");
    }
    console.log(`packaging check: ${packages.map(({ pkg }) => pkg.name).join(", ")}`);
    check(packages, work);
    console.log("packaging check passed");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
