#!/usr/bin/env node
// Fails on any import cycle between the source files of one package (packages/*, apps/*, tools/*):
// static imports, type-only imports, `export … from`, dynamic `import()` and `import("…")` types
// all count. Only relative specifiers are followed; other packages are reached through their
// public entry and cannot form a cycle inside a package.
// Usage: node scripts/check-cycles.mjs [package-dir …]   (default: every package)
//        node scripts/check-cycles.mjs --self-test
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = /\.(ts|tsx|mts|cts)$/;

const listSources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : listSources(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });

/** The source file a relative specifier names, or undefined when it leaves the known files. */
const resolveSpecifier = (from, specifier, known) => {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m|c)?js$/, "");
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`];
  candidates.push(join(base, "index.ts"), join(base, "index.tsx"));
  return candidates.find((c) => known.has(c));
};

/** file → the files of the same package it imports (every kind of import). */
export const importGraph = (files) => {
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((spec) => spec.startsWith("."))
      .map((spec) => resolveSpecifier(file, spec, known))
      .filter((target) => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
};

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export const findCycles = (graph) => {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
};

/** One concrete loop through a component, for the message: a → b → … → a. */
const loopThrough = (graph, component) => {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const path = [start];
  const seen = new Set([start]);
  const walk = (node) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) return true;
      if (!members.has(next) || seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start];
};

const packageDirs = (args) => {
  if (args.length > 0) return args.map((a) => resolve(a));
  return ["packages", "apps", "tools"]
    .map((group) => join(root, group))
    .filter((dir) => existsSync(dir))
    .flatMap((group) => readdirSync(group).map((name) => join(group, name)))
    .filter((dir) => existsSync(join(dir, "package.json")) && existsSync(join(dir, "src")))
    .filter((dir) => statSync(join(dir, "src")).isDirectory());
};

// `--self-test`: a type-only cycle in a temp package must be found.
function selfTest() {
  const dir = mkdtempSync(join(tmpdir(), "peak-cycles-"));
  try {
    mkdirSync(join(dir, "src", "sub"), { recursive: true });
    writeFileSync(
      join(dir, "src", "a.ts"),
      'import type { B } from "./sub/b";\nexport type A = B;\n',
    );
    writeFileSync(join(dir, "src", "sub", "b.ts"), 'export type B = import("../a.js").A;\n');
    const cycles = findCycles(importGraph(listSources(join(dir, "src"))));
    if (cycles.length !== 1) throw new Error("self-test failed: a type-only cycle was not found");
    console.log("check-cycles self-test ok: a type-only cycle is caught");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  if (process.argv.includes("--self-test")) return selfTest();
  let failures = 0;
  const dirs = packageDirs(process.argv.slice(2));
  for (const dir of dirs) {
    const src = join(dir, "src");
    const graph = importGraph(listSources(src));
    for (const component of findCycles(graph)) {
      failures += 1;
      const loop = loopThrough(graph, component).map((f) => relative(src, f));
      console.error(`import cycle in ${relative(root, src)}: ${loop.join(" → ")}`);
      if (component.length > loop.length - 1) {
        const all = component.map((f) => relative(src, f)).sort();
        console.error(`  all files in this cycle group: ${all.join(", ")}`);
      }
    }
  }
  if (failures > 0) {
    console.error(`check-cycles: ${failures} import cycle(s) found`);
    process.exitCode = 1;
  } else {
    console.log(`check-cycles: no import cycles in ${dirs.length} package(s)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
