import { dirname, join, resolve } from "node:path";
import { CacheCorruptionError, ConfigError, isPeakTradeError } from "@peak/errors";
import { CacheWriteError, errnoCode } from "../shared/cache-write-error";
import { mergeEntries, readManifest, sortEntries, writeManifest } from "./manifest-io";
import { entryFor, newManifestData, type CreateManifestOptions } from "./manifest-data";
import type { ManifestData, ManifestEntry } from "./manifest-schema";
import { validateEntries, type ManifestValidation } from "./manifest-validate";
import { acquireLock, LOCK_OPTION_KEYS, type LockOptions } from "../lock/path-lock";
import { rejectUnknownOptions } from "../shared/known-options";
import { lockPathFor } from "../shared/temp-name";

/** Options of {@link CacheManifest.load} and shared by every manifest. */
export interface ManifestOptions {
  now?: () => Date;
  /** Lock used by `save()` for its read-merge-write. @defaultValue {} */
  lock?: LockOptions;
}

/**
 * A record of the files one run put in a cache folder: run provenance plus, for each file, its
 * relative POSIX path, `sha256:<hex>` checksum, size and schema version. `save()` merges with the
 * file on disk under a lock, so two processes adding files to one manifest lose no entry.
 *
 * @example
 * ```ts
 * const manifest = CacheManifest.create({ dir: "cache", runId: "run-42", gitSha, configHash });
 * await manifest.addFile("BTC-1h.parquet"); // relative to `dir`: cache/BTC-1h.parquet
 * await manifest.save();
 * const { valid, errors } = await (await CacheManifest.load("cache/manifest.json")).validate();
 * ```
 */
export class CacheManifest {
  /** Absolute path of the manifest file. */
  readonly path: string;
  #data: ManifestData;
  #options: ManifestOptions;

  private constructor(path: string, data: ManifestData, options: ManifestOptions) {
    this.path = path;
    this.#data = data;
    this.#options = options;
  }

  /**
   * A new, unsaved manifest for `dir` (`<dir>/manifest.json`), stamped with this runtime.
   *
   * @throws {ConfigError} when `dir` or `runId` is missing, or `gitSha` or `configHash` is
   *   neither a string nor null.
   */
  static create(options: CreateManifestOptions): CacheManifest {
    const data = newManifestData(options);
    const path = resolve(options.dir, options.fileName ?? "manifest.json");
    return new CacheManifest(path, data, options.now ? { now: options.now } : {});
  }

  /**
   * Loads and checks a saved manifest.
   *
   * @throws {CacheCorruptionError} on malformed JSON, an unknown version, a schema error, an
   *   entry outside the folder, or a file that cannot be read (`context.errorCode`, e.g. EACCES).
   * @throws {ConfigError} when the file does not exist.
   */
  static async load(path: string, options: ManifestOptions = {}): Promise<CacheManifest> {
    rejectUnknownOptions(options, ["now", "lock"], "CacheManifest.load");
    rejectUnknownOptions(options.lock, [...LOCK_OPTION_KEYS], "CacheManifest.load lock");
    const abs = resolve(path);
    const data = await readManifest(abs).catch((error: unknown) => {
      throw typedFailure(error, abs, "load");
    });
    if (data === undefined) {
      throw new ConfigError(`Manifest not found: ${abs}`, {
        hint: "Create it with CacheManifest.create(…).save()",
        context: { path: abs },
      });
    }
    return new CacheManifest(abs, data, options);
  }

  /** Folder the entries are relative to. */
  get dir(): string {
    return dirname(this.path);
  }

  /** The recorded entries (a copy). */
  get files(): ManifestEntry[] {
    return this.#data.files.map((entry) => ({ ...entry }));
  }

  #now(): string {
    return (this.#options.now ?? (() => new Date()))().toISOString();
  }

  /**
   * Hashes a file inside the folder and records it (replacing an entry with the same path).
   * A relative `path` is relative to the manifest folder (`dir`), not the working directory.
   * In memory only: call `save()` to persist.
   *
   * @throws {ConfigError} when the path leaves the folder (`../`, absolute elsewhere, a symlink
   *   out), the file does not exist, or `schemaVersion` is not a non-empty string.
   */
  async addFile(path: string, options: { schemaVersion?: string } = {}): Promise<ManifestEntry> {
    rejectUnknownOptions(options, ["schemaVersion"], "CacheManifest.addFile");
    const entry = await entryFor(this.dir, path, options.schemaVersion ?? "v1", this.#now());
    this.#data.files = sortEntries([
      ...this.#data.files.filter((e) => e.path !== entry.path),
      entry,
    ]);
    this.#data.updatedAt = entry.addedAt;
    return { ...entry };
  }

  /**
   * Writes the manifest atomically. Under a lock it first re-reads the file on disk and merges
   * its entries (same path: the later `addedAt` wins), so concurrent writers lose nothing.
   *
   * @throws {CacheCorruptionError} when the manifest on disk is damaged.
   * @throws {CacheWriteError} when the write or the lock fails (`context.errorCode`: `ENOSPC`,
   *   `EACCES`, `LOCK_TIMEOUT`…); the manifest on disk is then unchanged.
   */
  async save(): Promise<void> {
    const rmw = lockPathFor(join(this.dir, `${this.path.slice(this.dir.length + 1)}.rmw`));
    try {
      const lock = await acquireLock(rmw, this.#options.lock);
      try {
        const disk = await readManifest(this.path);
        const files =
          disk === undefined ? this.#data.files : mergeEntries(disk.files, this.#data.files);
        const data = { ...this.#data, files, updatedAt: this.#now() };
        await writeManifest(this.path, data, this.#options.lock);
        this.#data = data;
      } finally {
        await lock.release();
      }
    } catch (error) {
      // Stryker disable next-line StringLiteral: typedFailure only tells "load" apart; any other action saves
      throw typedFailure(error, this.path, "save");
    }
  }

  /** Checks every entry: missing files, size and (unless `checksums: false`) checksum mismatches. */
  async validate(options: { checksums?: boolean } = {}): Promise<ManifestValidation> {
    rejectUnknownOptions(options, ["checksums"], "CacheManifest.validate");
    return validateEntries(this.dir, this.#data.files, options.checksums ?? true);
  }

  /** The manifest document as plain JSON-safe data. */
  toJSON(): ManifestData {
    return structuredClone(this.#data);
  }
}

// Kit errors pass through; raw file-system errors become typed ones naming the path and errno.
const typedFailure = (error: unknown, path: string, action: "load" | "save") => {
  if (isPeakTradeError(error)) return error;
  const errorCode = errnoCode(error) ?? "UNKNOWN";
  const options = { context: { path, errorCode }, cause: error };
  return action === "load"
    ? new CacheCorruptionError(`Cannot read manifest ${path} (${errorCode})`, {
        ...options,
        hint: "Check that the file is a readable regular file (permissions), or rebuild it",
      })
    : new CacheWriteError(`Cannot save manifest ${path} (${errorCode})`, {
        ...options,
        hint: "Check free space and that the folder is writable; the manifest on disk is unchanged",
      });
};
