import { dirname, resolve } from "node:path";
import { ConfigError } from "@peak/errors";
import { CacheWriteError, errnoCode } from "../shared/cache-write-error";
import { CHECKSUM_ALGORITHMS, createDigester, type ChecksumAlgorithm } from "../sidecar/checksum";
import { resolveFileSystem, unlinkQuietly, type CacheFileSystem } from "../shared/file-system";
import { acquireLock } from "../lock/path-lock";
import { sidecarPath } from "../sidecar/sidecar";
import { swapIntoPlace } from "./sidecar-swap";
import { encodeTable } from "../codec/table-codec";
import { isTable, resolveFormat, type CacheData } from "../codec/table-types";
import { lockPathFor } from "../shared/temp-name";
import { assertReplaceable } from "../shared/replace-target";
import {
  resolveWriteOptions,
  type AtomicWriteOptions,
  type ResolvedWriteOptions,
} from "./write-options";
import { writeTemp } from "./write-temp";

/** What {@link atomicWrite} published. */
export interface AtomicWriteResult {
  /** Absolute path of the data file. */
  path: string;
  /** Bytes written. */
  size: number;
  /** The digest written to the sidecar, when `checksum` was set. */
  checksum?: { algorithm: ChecksumAlgorithm; hex: string; sidecar: string };
}

const toBytes = async (data: CacheData, path: string, opts: ResolvedWriteOptions) => {
  const format = resolveFormat(path, opts.format);
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (isTable(data) && format !== "bytes") return encodeTable(data, path, { ...opts, format });
  throw new ConfigError(`atomicWrite cannot store this value at ${path}`, {
    hint: isTable(data)
      ? 'Tables need a .parquet or .arrow path, or format: "parquet" | "arrow"'
      : "Pass an arquero table, a Uint8Array/Buffer or a string",
    context: { path, format, type: typeof data },
  });
};

// Without `checksum`, an existing sidecar is still swapped safely: hash with its algorithm.
const pickAlgorithm = async (fs: CacheFileSystem, path: string, wanted?: ChecksumAlgorithm) => {
  if (wanted !== undefined) return wanted;
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    if ((await fs.readSmall(sidecarPath(path, algorithm))) !== undefined) return algorithm;
  }
  return undefined;
};

/**
 * Writes a table (Parquet or Arrow IPC by extension) or raw bytes to `path` atomically: a unique
 * temp file beside it, every byte written and size-checked, fsync, rename, folder fsync. With
 * `checksum`, a `sha256sum`-format sidecar is swapped in so a crash never pairs data with a
 * wrong digest. Readers see the old or the new file, never a torn one.
 *
 * @example
 * ```ts
 * await atomicWrite(aq.table({ timestamp: [Date.UTC(2024, 0, 1)], close: [101.5] }),
 *   "cache/BTC-1h.parquet", { checksum: true });
 * ```
 * @throws {ConfigError} for bad options or data the format cannot hold.
 * @throws {CacheWriteError} when the disk is full, a write is short or the file system fails;
 *   the previous file and sidecar are then untouched.
 */
export const atomicWrite = async (
  data: CacheData,
  path: string,
  options: AtomicWriteOptions = {},
): Promise<AtomicWriteResult> => {
  if (typeof path !== "string" || path === "") {
    throw new ConfigError("atomicWrite needs a file path", {
      hint: "Pass a non-empty string path",
      context: { path: String(path) },
    });
  }
  const opts = resolveWriteOptions(options);
  const target = resolve(path);
  const fs = resolveFileSystem(options.fileSystem);
  const bytes = await toBytes(data, target, opts);
  try {
    await fs.mkdir(dirname(target));
  } catch (error) {
    throw new CacheWriteError(`Cannot create folder ${dirname(target)}`, {
      hint: "Check the path and permissions",
      context: { path: target, errorCode: errnoCode(error) ?? "UNKNOWN" },
      cause: error,
    });
  }
  await assertReplaceable(target);
  const algorithm = await pickAlgorithm(fs, target, opts.algorithm);
  const digester = algorithm === undefined ? undefined : await createDigester(algorithm);
  const tempPath = await writeTemp(fs, target, bytes, digester, opts.mode);
  const digest =
    algorithm === undefined || digester === undefined
      ? undefined
      : { algorithm, hex: digester.digest() };
  await publish(fs, target, tempPath, options, {
    mode: opts.mode,
    keepSidecar: opts.algorithm !== undefined,
    ...(digest ? { digest } : {}),
  });
  const result: AtomicWriteResult = { path: target, size: bytes.length };
  if (digest !== undefined && opts.algorithm !== undefined) {
    result.checksum = { ...digest, sidecar: sidecarPath(target, digest.algorithm) };
  }
  return result;
};

const publish = async (
  fs: CacheFileSystem,
  path: string,
  tempPath: string,
  options: AtomicWriteOptions,
  plan: {
    mode: number;
    keepSidecar: boolean;
    digest?: { algorithm: ChecksumAlgorithm; hex: string };
  },
) => {
  try {
    const release = await acquireLock(lockPathFor(path), options.lock);
    try {
      await swapIntoPlace({ fs, path, tempPath, ...plan });
    } finally {
      await release();
    }
  } catch (error) {
    await unlinkQuietly(fs, tempPath).catch(() => undefined);
    if (CacheWriteError.isInstance(error)) throw error;
    throw new CacheWriteError(`Cannot publish ${path}`, {
      hint: "Check free space and permissions; the previous file was kept unless the rename happened",
      context: { path, errorCode: errnoCode(error) ?? "UNKNOWN" },
      cause: error,
    });
  }
};
