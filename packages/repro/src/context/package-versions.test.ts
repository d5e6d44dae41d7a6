import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import Module from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peakPackageVersions } from "./package-versions";

let app: string;
let odd: string;
const nodePath = process.env.NODE_PATH;
// pnpm's bin shims set NODE_PATH to the store, from which every workspace package resolves;
// resolve by the folders alone, as an installed application does (this file's worker only).
const initPaths = () => (Module as unknown as { _initPaths(): void })._initPaths();

const install = (root: string, name: string, manifest: Record<string, unknown>) => {
  const dir = join(root, "node_modules", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, ...manifest }));
};

beforeAll(() => {
  delete process.env.NODE_PATH;
  initPaths();
  app = mkdtempSync(join(tmpdir(), "peak-repro-app-"));
  install(app, "@peak/contracts", { version: "9.9.1" });
  install(app, "@peak/cache", { version: "2.0.0" });
  install(app, "@peak/resilience", { version: "1.2.3" });
  odd = mkdtempSync(join(tmpdir(), "peak-repro-odd-"));
  install(odd, "@peak/cache", { version: 5 });
});
afterAll(() => {
  rmSync(app, { recursive: true, force: true });
  rmSync(odd, { recursive: true, force: true });
  if (nodePath !== undefined) process.env.NODE_PATH = nodePath;
  initPaths();
});

describe("peakPackageVersions", () => {
  it("adds the packages the application folder itself resolves", () => {
    const own = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
    const versions = peakPackageVersions(app);
    expect(versions).toMatchObject({
      "@peak/repro": (own as { version: string }).version,
      "@peak/contracts": "9.9.1",
      "@peak/cache": "2.0.0",
      "@peak/resilience": "1.2.3",
    });
    expect(Object.keys(versions).sort()).toEqual([
      "@peak/cache",
      "@peak/contracts",
      "@peak/errors",
      "@peak/repro",
      "@peak/resilience",
    ]);
  });

  it("leaves out a package whose manifest has no string version", () => {
    expect(peakPackageVersions(odd)).not.toHaveProperty("@peak/cache");
  });

  it("resolves from the folder and its parents only", () => {
    const inner = join(app, "src");
    mkdirSync(inner, { recursive: true });
    expect(peakPackageVersions(inner)).toHaveProperty("@peak/contracts", "9.9.1");
    expect(peakPackageVersions(tmpdir())).not.toHaveProperty("@peak/contracts");
  });
});
