import { constants } from "node:fs";
import { lstat, open, rename, unlink } from "node:fs/promises";
import { makeDirs } from "./make-dirs";
import { retryingRename } from "./rename-retry";
import { readCapped } from "../read/read-capped";

/** The part of a file handle the atomic writer uses (a Node `FileHandle` fits). */
export interface CacheWriteHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/**
 * The file-system calls the atomic writer makes. Pass a partial override as the
 * `fileSystem` option to inject faults (full disk, short writes) in tests.
 */
export interface CacheFileSystem {
  /** Creates `path` exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`), failing with EEXIST. */
  openExclusive(path: string, mode: number): Promise<CacheWriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** fsyncs a directory so a rename in it survives power loss (no-op on Windows). */
  syncDir(dir: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  /** Reads a whole small file (sidecars, locks), or returns undefined when it is missing. */
  readSmall(path: string): Promise<string | undefined>;
  /** Whether anything exists at `path` (lstat; a dangling symlink counts). */
  exists(path: string): Promise<boolean>;
}

const EXCLUSIVE =
  // Stryker disable next-line LogicalOperator: on Linux O_CREAT | O_EXCL already refuses a symlink (EEXIST); O_NOFOLLOW is for platforms where it does not
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** fsyncs a folder; Windows cannot open one, and NTFS journals the rename anyway. */
export const syncDirOn =
  (platform: string) =>
  async (dir: string): Promise<void> => {
    if (platform === "win32") return;
    const handle = await open(dir, constants.O_RDONLY);
    // Stryker disable next-line BlockStatement: what the fsync adds shows only after a power loss
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };

// Capped, non-blocking and regular-files-only: a sidecar that is a FIFO or a link to /dev/zero
// fails at once instead of hanging or filling memory.
const readSmall = (path: string): Promise<string | undefined> => readCapped(path, "Sidecar");

/** Waits `ms` on a real timer. */
export const sleep = (ms: number): Promise<unknown> =>
  new Promise((resolve) => setTimeout(resolve, ms));

// On Windows an indexer, antivirus or reader holding the target makes rename fail for a moment.
const renameWithRetry = retryingRename({ rename, platform: process.platform, sleep });

/** The real file system (node:fs/promises; renames retried briefly on Windows). */
export const nodeFileSystem: CacheFileSystem = {
  openExclusive: (path, mode) => open(path, EXCLUSIVE, mode),
  rename: renameWithRetry,
  unlink,
  syncDir: syncDirOn(process.platform),
  mkdir: makeDirs,
  readSmall,
  exists: (path) =>
    lstat(path).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    ),
};

/** Fills the gaps of a partial override with the real file system. */
export const resolveFileSystem = (override?: Partial<CacheFileSystem>): CacheFileSystem =>
  override === undefined ? nodeFileSystem : { ...nodeFileSystem, ...override };

/** Unlinks `path`, ignoring "already gone". */
export const unlinkQuietly = async (fs: CacheFileSystem, path: string): Promise<void> => {
  try {
    await fs.unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
};
