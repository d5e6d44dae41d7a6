import { constants } from "node:fs";
import { lstat, mkdir, open, readFile, rename, unlink } from "node:fs/promises";

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
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

const syncDir = async (dir: string): Promise<void> => {
  if (process.platform === "win32") return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const readSmall = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};

const RETRY_ON_WINDOWS = new Set(["EPERM", "EACCES", "EBUSY"]);

// On Windows an indexer, antivirus or reader holding the target makes rename fail for a moment:
// retry with backoff for about 2 s, then give up (never fall back to writing in place).
const renameWithRetry = async (from: string, to: string): Promise<void> => {
  for (let attempt = 0, delay = 10; ; attempt += 1, delay = Math.min(delay * 2, 250)) {
    try {
      return await rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (process.platform !== "win32" || !RETRY_ON_WINDOWS.has(code) || attempt >= 12) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
};

/** The real file system (node:fs/promises; renames retried briefly on Windows). */
export const nodeFileSystem: CacheFileSystem = {
  openExclusive: (path, mode) => open(path, EXCLUSIVE, mode),
  rename: renameWithRetry,
  unlink,
  syncDir,
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
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
