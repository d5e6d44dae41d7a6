import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** The `@peak/*` packages {@link peakPackageVersions} looks for. */
export const PEAK_PACKAGES: readonly string[] = [
  "@peak/errors",
  "@peak/contracts",
  "@peak/repro",
  "@peak/cache",
  "@peak/resilience",
];

/**
 * Versions of the `@peak/*` packages "in use": those that resolve, by Node's rules, either from
 * this package (itself and its dependency `@peak/errors`) or from `cwd` (the application's
 * own dependencies). Packages that resolve from neither are left out. Read on each call, never
 * at import time.
 *
 * @param cwd - the application folder to resolve from
 * @defaultValue cwd: process.cwd()
 */
export const peakPackageVersions = (cwd: string = process.cwd()): Record<string, string> => {
  const resolvers = [createRequire(import.meta.url), createRequire(join(cwd, "noop.js"))];
  const versions: Record<string, string> = {};
  for (const name of PEAK_PACKAGES) {
    const version = versionOf(name, resolvers);
    if (version !== undefined) versions[name] = version;
  }
  return versions;
};

const versionOf = (name: string, resolvers: NodeJS.Require[]): string | undefined => {
  for (const resolve of resolvers) {
    try {
      const path = resolve.resolve(`${name}/package.json`);
      // Stryker disable next-line StringLiteral: with no encoding the Buffer is parsed as UTF-8 text all the same
      const manifest: unknown = JSON.parse(readFileSync(path, "utf8"));
      const version = (manifest as { version?: unknown }).version;
      if (typeof version === "string") return version;
    } catch {
      // not resolvable from here (or unreadable): try the next resolver
    }
  }
  return undefined;
};
