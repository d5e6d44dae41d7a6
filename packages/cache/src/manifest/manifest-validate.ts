import { stat } from "node:fs/promises";
import { escapeControl, isPeakTradeError } from "@peak/errors";
import { resolve } from "node:path";
import { hashFile } from "./hash-file";
import { fileKind } from "../read/file-kind";
import { staysInside, storedPathProblem } from "./manifest-paths";
import type { ManifestEntry } from "./manifest-schema";

/** One problem `validate()` found. */
export interface ManifestProblem {
  code: "missing" | "size_mismatch" | "checksum_mismatch" | "outside_folder" | "unreadable";
  /** The entry's stored path. */
  path: string;
  message: string;
  expected?: string | number;
  actual?: string | number;
}

/** The result of `validate()`: `valid` is true when `errors` is empty. */
export interface ManifestValidation {
  valid: boolean;
  errors: ManifestProblem[];
}

const checkEntry = async (
  dir: string,
  entry: ManifestEntry,
  checksums: boolean,
): Promise<ManifestProblem | undefined> => {
  const { path } = entry;
  const abs = resolve(dir, path);
  if (storedPathProblem(path) !== undefined || !(await staysInside(dir, abs))) {
    return {
      code: "outside_folder",
      path,
      message: `Entry leaves the manifest folder: ${escapeControl(path)}`,
    };
  }
  const info = await stat(abs).catch(() => undefined);
  const shown = escapeControl(path);
  if (info === undefined) return { code: "missing", path, message: `Missing file: ${shown}` };
  if (!info.isFile()) {
    const kind = fileKind(info);
    return { code: "unreadable", path, message: `Not a regular file (${kind}): ${shown}` };
  }
  if (info.size !== entry.size) {
    return {
      code: "size_mismatch",
      path,
      message: `Size mismatch: ${shown} (expected ${entry.size} bytes, got ${info.size})`,
      expected: entry.size,
      actual: info.size,
    };
  }
  if (!checksums) return undefined;
  try {
    const actual = `sha256:${(await hashFile(abs)).hex}`;
    if (actual === entry.checksum) return undefined;
    return {
      code: "checksum_mismatch",
      path,
      message: `Checksum mismatch: ${shown}`,
      expected: entry.checksum,
      actual,
    };
  } catch (error) {
    const reason = isPeakTradeError(error) ? error.message : String(error);
    return { code: "unreadable", path, message: `Cannot read ${shown}: ${escapeControl(reason)}` };
  }
};

/** Checks every entry (all problems, not just the first) against the files in `dir`. */
export const validateEntries = async (
  dir: string,
  entries: readonly ManifestEntry[],
  checksums: boolean,
): Promise<ManifestValidation> => {
  const errors: ManifestProblem[] = [];
  for (const entry of entries) {
    const problem = await checkEntry(dir, entry, checksums);
    if (problem !== undefined) errors.push(problem);
  }
  return { valid: errors.length === 0, errors };
};
