// Where the benchmark finds the built code and the packages it borrows from the workspace.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, "..", "..");
export const DRIVERS = join(HERE, "drivers");
export const SMOKE_MAIN = join(ROOT, "apps", "smoke", "dist", "main.js");
export const CACHE_DIST = join(ROOT, "packages", "cache", "dist", "index.js");
export const CONTRACTS_DIST = join(ROOT, "packages", "contracts", "dist", "index.js");

// arquero and @duckdb/node-api are dependencies of @peak/cache (the latter a devDependency):
// resolve them from there, so the root needs no dependency of its own.
const fromCache = createRequire(join(ROOT, "packages", "cache", "package.json"));

/** Imports a package the way @peak/cache sees it. */
export const importFromCache = (name) => import(pathToFileURL(fromCache.resolve(name)).href);

/** Imports a built workspace package (dist), the code the benchmark measures. */
export const importDist = (path) => import(pathToFileURL(path).href);
