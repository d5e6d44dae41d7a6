#!/usr/bin/env node
// Release rehearsal: the real `changeset version` + `changeset publish` path, into a throwaway
// local registry (verdaccio on 127.0.0.1, a free port, storage in a temp folder, no uplinks),
// then a fresh project installs @peak/contracts and @peak/resilience from it and runs a small
// program. Proves the `workspace:^` rewriting and what the tarballs hold.
// Runs on a copy of the working tree; the repository itself is not touched.
// Usage: node scripts/release-rehearsal.mjs
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  readdirSync,
} from "node:fs";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// verdaccio 6.8.0 runs on Node 20 (6.10 wants Node 22) once node-fetch is pinned to 2.7.0.
const VERDACCIO = { version: "6.8.0", overrides: { "node-fetch": "2.7.0" } };
const verdaccioDir = join(root, ".peak", `verdaccio-${VERDACCIO.version}`);
const started = Date.now();
const log = (line) =>
  console.log(`[rehearsal ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function ensureVerdaccio() {
  const bin = join(verdaccioDir, "node_modules", "verdaccio", "bin", "verdaccio");
  if (existsSync(bin)) return bin;
  log(`installing verdaccio ${VERDACCIO.version} into .peak/ …`);
  mkdirSync(verdaccioDir, { recursive: true });
  const pkg = {
    private: true,
    dependencies: { verdaccio: VERDACCIO.version },
    overrides: VERDACCIO.overrides,
  };
  writeFileSync(join(verdaccioDir, "package.json"), JSON.stringify(pkg));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], verdaccioDir);
  return bin;
}

async function startRegistry(work) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = join(work, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(work, "storage")}`,
      "auth:",
      `  htpasswd: { file: ${join(work, "htpasswd")}, max_users: 10 }`,
      "uplinks: {}",
      "packages:",
      "  '**': { access: $all, publish: $authenticated }",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const child = spawn(
    process.execPath,
    [ensureVerdaccio(), "--config", config, "--listen", `127.0.0.1:${port}`],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}`);
    const up = await fetch(`${url}/-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const response = await fetch(`${url}/-/user/org.couchdb.user:rehearsal`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "rehearsal",
      password: "rehearsal-only",
      email: "r@example.invalid",
    }),
  });
  const { token } = await response.json();
  if (!token) throw new Error(`verdaccio gave no token (${response.status})`);
  return { url, token, stop: () => child.kill("SIGKILL") };
}

/** A copy of the working tree (no node_modules, build output or git), installed offline. */
function copyWorkspace(work) {
  const copy = join(work, "repo");
  const skip = /(^|\/)(node_modules|\.git|\.turbo|\.peak|dist|\.blocks)(\/|$)/;
  cpSync(root, copy, { recursive: true, filter: (src) => !skip.test(src.slice(root.length)) });
  run("pnpm", ["install", "--frozen-lockfile", "--offline"], copy);
  return copy;
}

const CONSUMER = `
import { checkOhlcv } from "@peak/contracts";
import { circuitBreaker, retryWithBackoff, wrap } from "@peak/resilience";
import * as aq from "arquero";
const bars = aq.table({ timestamp: [Date.UTC(2024, 0, 1)], open: [1], high: [2], low: [0.5], close: [1.5], volume: [3] });
const report = checkOhlcv(bars);
if (!report.ok) throw new Error("clean bars failed the contract: " + JSON.stringify(report.violations));
let calls = 0;
const policy = wrap(retryWithBackoff({ maxAttempts: 3, baseDelayMs: 1, retryOn: [Error] }), circuitBreaker({ name: "rehearsal" }));
const answer = await policy.execute(async () => { calls += 1; if (calls < 2) throw new Error("flaky"); return "ok"; });
if (answer !== "ok" || calls !== 2) throw new Error("retry did not retry");
console.log("consumer ok: contract report clean, retry answered on call " + calls);
`;

function checkInstalled(consumer, versions) {
  for (const name of ["@peak/contracts", "@peak/resilience", "@peak/errors"]) {
    const dir = join(consumer, "node_modules", ...name.split("/"));
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (pkg.version !== versions[name])
      throw new Error(`${name}: installed ${pkg.version}, published ${versions[name]}`);
    if (JSON.stringify(pkg).includes("workspace:"))
      throw new Error(`${name}: published manifest still has workspace: ranges`);
    if (JSON.stringify(pkg.exports ?? {}).includes("@peak/source"))
      throw new Error(`${name}: published exports carry @peak/source`);
    for (const file of ["LICENSE", "CHANGELOG.md", "README.md", "dist/index.js"]) {
      if (!existsSync(join(dir, file))) throw new Error(`${name}: tarball lacks ${file}`);
    }
    if (existsSync(join(dir, "src"))) throw new Error(`${name}: tarball ships src/`);
  }
  const contracts = JSON.parse(
    readFileSync(join(consumer, "node_modules/@peak/contracts/package.json"), "utf8"),
  );
  const range = contracts.dependencies["@peak/errors"];
  if (range !== `^${versions["@peak/errors"]}`)
    throw new Error(`@peak/contracts depends on @peak/errors ${range}`);
  log(`installed from the registry: @peak/contracts ${contracts.version} → @peak/errors ${range}`);
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "peak-release-"));
  let registry;
  try {
    registry = await startRegistry(work);
    log(`verdaccio on ${registry.url}, storage in ${work}`);
    const copy = copyWorkspace(work);
    run("pnpm", ["changeset", "version"], copy);
    log("changeset version done");
    run("pnpm", ["turbo", "run", "build", "--filter=./packages/*"], copy);
    log("built the packages");
    const npmrc = join(work, "npmrc");
    const host = registry.url.replace(/^http:/, "");
    writeFileSync(npmrc, `registry=${registry.url}/\n${host}/:_authToken=${registry.token}\n`);
    const registryEnv = {
      NPM_CONFIG_REGISTRY: `${registry.url}/`,
      NPM_CONFIG_USERCONFIG: npmrc,
      npm_config_git_checks: "false",
    };
    const published = run("pnpm", ["changeset", "publish", "--no-git-tag"], copy, registryEnv);
    const versions = {};
    for (const dir of readdirSync(join(copy, "packages"))) {
      const pkg = JSON.parse(readFileSync(join(copy, "packages", dir, "package.json"), "utf8"));
      const seen = run(
        "npm",
        ["view", `${pkg.name}@${pkg.version}`, "version"],
        work,
        registryEnv,
      ).trim();
      if (seen !== pkg.version)
        throw new Error(`${pkg.name}@${pkg.version} is not in the registry:\n${published}`);
      versions[pkg.name] = pkg.version;
    }
    log(
      `published ${Object.entries(versions)
        .map(([n, v]) => `${n}@${v}`)
        .join(", ")}`,
    );
    const consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, ".npmrc"), `@peak:registry=${registry.url}/\n`);
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify({
        name: "consumer",
        private: true,
        type: "module",
        overrides: { "@uwdata/flechette": "2.6.0" },
      }),
    );
    writeFileSync(join(consumer, "main.mjs"), CONSUMER);
    // Only @peak/* comes from the rehearsal registry; arquero and zod from the usual one.
    const consumerEnv = { NPM_CONFIG_USERCONFIG: join(consumer, ".npmrc") };
    run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        "@peak/contracts",
        "@peak/resilience",
        "arquero@8.0.3",
      ],
      consumer,
      consumerEnv,
    );
    checkInstalled(consumer, versions);
    log(run("node", ["main.mjs"], consumer).trim());
    log("release rehearsal passed");
  } finally {
    registry?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  const out = [error.stdout, error.stderr].filter(Boolean).join("\n").trim();
  console.error(`release rehearsal failed: ${error.message}${out ? `\n${out}` : ""}`);
  process.exitCode = 1;
});
