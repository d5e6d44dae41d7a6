import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { ConfigError } from "@peak/errors";
import { hashFile } from "./hash-file";
import { rejectUnknownOptions } from "../shared/known-options";
import { entryPathFor } from "./manifest-paths";
import { MANIFEST_VERSION, type ManifestData, type ManifestEntry } from "./manifest-schema";

/** Options of {@link CacheManifest.create}. */
export interface CreateManifestOptions {
  /** Folder the manifest describes; entries are stored relative to it. */
  dir: string;
  runId: string;
  /** @defaultValue null */
  gitSha?: string | null;
  /** @defaultValue null */
  configHash?: string | null;
  /** Manifest file name inside `dir`. @defaultValue "manifest.json" */
  fileName?: string;
  /** Clock for created/updated/added times. @defaultValue () => new Date() */
  now?: () => Date;
}

const CREATE_KEYS = ["dir", "runId", "gitSha", "configHash", "fileName", "now"];

/**
 * A fresh manifest document stamped with this runtime and platform.
 *
 * @throws {ConfigError} when `dir` or `runId` is missing, `gitSha` or `configHash` is neither a
 *   string nor null, or for an unknown option.
 */
export const newManifestData = (options: CreateManifestOptions): ManifestData => {
  rejectUnknownOptions(options, CREATE_KEYS, "CacheManifest.create");
  for (const key of ["dir", "runId"] as const) {
    if (typeof options[key] !== "string" || options[key] === "") {
      throw new ConfigError(`CacheManifest.create needs \`${key}\``, {
        hint: `Pass a non-empty string ${key}`,
        context: { option: key },
      });
    }
  }
  for (const key of ["gitSha", "configHash"] as const) {
    const value: unknown = options[key];
    if (value !== undefined && value !== null && typeof value !== "string") {
      throw new ConfigError(`CacheManifest.create needs \`${key}\` to be a string or null`, {
        hint: `Pass ${key} as a string, or null when there is none`,
        context: { option: key, received: typeof value },
      });
    }
  }
  const now = (options.now ?? (() => new Date()))().toISOString();
  return {
    manifestVersion: MANIFEST_VERSION,
    runId: options.runId,
    gitSha: options.gitSha ?? null,
    configHash: options.configHash ?? null,
    runtime: { name: "node", version: process.versions.node },
    platform: { os: process.platform, arch: process.arch },
    createdAt: now,
    updatedAt: now,
    files: [],
  };
};

/** What to do about a path `addFile` cannot take: relative paths are relative to `dir`. */
const addFileHint = (dir: string, path: string, reason: string): string => {
  const fromCwd = relative(dir, resolve(path));
  const cwdMeant =
    !isAbsolute(path) && existsSync(resolve(path)) && fromCwd !== "" && !fromCwd.startsWith("..");
  const relativeTo = `A relative path is relative to the manifest folder ${dir}, not the working directory`;
  if (cwdMeant) return `${relativeTo}: pass "${fromCwd.split(sep).join("/")}"`;
  if (reason === "missing") return `${relativeTo}; no file at ${resolve(dir, path)}`;
  return `Add files inside ${dir} (no ../, no symlinks pointing out)`;
};

/**
 * Hashes a file inside `dir` and builds its manifest entry. A relative `path` is relative to `dir`.
 *
 * @throws {ConfigError} when the path leaves `dir` (`../`, absolute elsewhere, a symlink out),
 *   the file does not exist, or `schemaVersion` is not a non-empty string.
 */
export const entryFor = async (
  dir: string,
  path: string,
  schemaVersion: string,
  addedAt: string,
): Promise<ManifestEntry> => {
  if (typeof schemaVersion !== "string" || schemaVersion === "") {
    throw new ConfigError("CacheManifest.addFile needs `schemaVersion` to be a non-empty string", {
      hint: 'Pass a label such as "v1", or leave `schemaVersion` out for "v1"',
      context: { option: "schemaVersion" },
    });
  }
  const where = await entryPathFor(dir, path);
  if (!where.ok) {
    throw new ConfigError(`Cannot add ${path} to the manifest: it is ${where.reason}`, {
      hint: addFileHint(dir, path, where.reason),
      context: { path, dir, reason: where.reason },
    });
  }
  const { hex, size } = await hashFile(where.abs);
  return { path: where.rel, checksum: `sha256:${hex}`, size, schemaVersion, addedAt };
};
