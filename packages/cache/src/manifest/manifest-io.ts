import { dirname, resolve } from "node:path";
import { CacheCorruptionError, escapeControl } from "@peak/errors";
import { atomicWrite } from "../write/atomic-write";
import type { LockOptions } from "../lock/path-lock";
import { readCapped } from "../read/read-capped";
import { staysInside, storedPathProblem } from "./manifest-paths";
import {
  MANIFEST_VERSION,
  manifestSchema,
  type ManifestData,
  type ManifestEntry,
} from "./manifest-schema";

/** Largest manifest read (about 300,000 entries): a bigger one is refused, not parsed. */
export const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

const corrupt = (path: string, message: string, detail: Record<string, unknown> = {}) =>
  new CacheCorruptionError(message, {
    hint: "The manifest is damaged or from a newer @peak/cache: delete it and rebuild the cache",
    context: { path, ...detail },
  });

const checkPaths = async (path: string, data: ManifestData) => {
  const dir = dirname(path);
  for (const entry of data.files) {
    const problem =
      storedPathProblem(entry.path) ??
      ((await staysInside(dir, resolve(dir, entry.path)))
        ? undefined
        : "a symlink out of the folder");
    if (problem !== undefined)
      throw corrupt(path, `Manifest entry ${JSON.stringify(entry.path)} is ${problem}`, {
        entry: entry.path,
      });
  }
};

/**
 * Reads and checks a manifest file: JSON, then the version, then the zod schema, then every
 * entry path. Returns undefined when the file does not exist. Reads at most
 * {@link MANIFEST_MAX_BYTES}, never blocking on a FIFO.
 *
 * @throws {CacheCorruptionError} on malformed JSON, an unknown version, a schema error or an
 *   entry that leaves the folder, or when the path is not a readable regular file.
 */
export const readManifest = async (path: string): Promise<ManifestData | undefined> => {
  const text = await readCapped(path, "Manifest", MANIFEST_MAX_BYTES);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `Manifest is not valid JSON: ${escapeControl(path)}`, {
      reason: String(error),
    });
  }
  const version = (json as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (version !== MANIFEST_VERSION) {
    throw corrupt(
      path,
      `Unknown manifest version ${JSON.stringify(version)} in ${escapeControl(path)}`,
      {
        expected: MANIFEST_VERSION,
        actual: String(version),
      },
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw corrupt(path, `Manifest does not match its schema: ${escapeControl(path)}`, { issues });
  }
  await checkPaths(path, parsed.data);
  return parsed.data;
};

/** Serialises deterministically (fixed key order, entries sorted by path, trailing newline) and writes atomically. */
export const writeManifest = async (
  path: string,
  data: ManifestData,
  lock?: LockOptions,
): Promise<void> => {
  const files = sortEntries(data.files);
  await atomicWrite(
    `${JSON.stringify(manifestSchema.parse({ ...data, files }), null, 2)}\n`,
    path,
    { format: "bytes", ...(lock ? { lock } : {}) },
  );
};

/** Entries sorted by path (code-unit order), as they are stored. */
export const sortEntries = (entries: readonly ManifestEntry[]): ManifestEntry[] =>
  [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** Union of two entry lists by path; for the same path the later `addedAt` wins. */
export const mergeEntries = (
  a: readonly ManifestEntry[],
  b: readonly ManifestEntry[],
): ManifestEntry[] => {
  const byPath = new Map<string, ManifestEntry>();
  for (const entry of [...a, ...b]) {
    const seen = byPath.get(entry.path);
    if (seen === undefined || entry.addedAt >= seen.addedAt) byPath.set(entry.path, entry);
  }
  return sortEntries([...byPath.values()]);
};
