// The packages a block imports, and making them resolvable from the block folder: @peak/*
// through this package's workspace links, others from the workspace package that depends on them.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";

/** Package names (not subpaths) of the bare imports in `code`, builtins left out. */
export function importedPackages(code: string): string[] {
  const specs = ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
  const names = specs
    .filter((s) => !s.startsWith(".") && !s.startsWith("/") && !isBuiltin(s))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/"),
    );
  return [...new Set(names)];
}

/** Links each non-@peak package into `<dir>/node_modules`; returns the names found nowhere. */
export function linkPackages(names: readonly string[], dir: string, root: string): string[] {
  const holders = ["packages", "apps"].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((p) => join(root, group, p, "node_modules"))
      : [],
  );
  const missing: string[] = [];
  for (const name of names.filter((n) => !n.startsWith("@peak/"))) {
    const target = join(dir, "node_modules", name);
    if (existsSync(target)) continue;
    const source = [join(root, "node_modules"), ...holders]
      .map((modules) => join(modules, name))
      .find((path) => existsSync(path));
    if (source === undefined) {
      missing.push(name);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(source, target, "dir");
  }
  return missing;
}

/** Package names on the README's install lines (`pnpm add …`, `npm install …`, `yarn add …`). */
export function installedPackages(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const match of markdown.matchAll(/^\s*(?:pnpm add|npm install|npm i|yarn add)\s+(.+)$/gm)) {
    for (const word of match[1]!.split(/\s+/)) {
      if (word.startsWith("-") || word.startsWith("#")) continue;
      names.add(word.replace(/(.)@[^/]*$/, "$1"));
    }
  }
  return names;
}
