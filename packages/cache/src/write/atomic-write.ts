import { dirname, resolve } from "node:path";
import { ConfigError } from "@peak/errors";
import { CacheWriteError, errnoCode } from "../shared/cache-write-error";
import type { ChecksumAlgorithm } from "../sidecar/checksum";
import { bytesHasher, type BytesHasher } from "./bytes-hasher";
import { resolveFileSystem, unlinkQuietly } from "../shared/file-system";
import { acquireLock } from "../lock/path-lock";
import { sidecarPath } from "../sidecar/sidecar";
import { prepareSidecar, swapIntoPlace, type SwapPlan } from "./sidecar-swap";
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
  if (isTable(data) && format !== "bytes") {
    // Loaded on first use: writing bytes never pays for arquero and the Parquet codec.
    const { encodeTable } = await import("../codec/table-codec");
    return encodeTable(data, path, { ...opts, format });
  }
  throw new ConfigError(`atomicWrite cannot store this value at ${path}`, {
    hint: isTable(data)
      ? 'Tables need a .parquet or .arrow path, or format: "parquet" | "arrow"'
      : "Pass an arquero table, a Uint8Array/Buffer or a string",
    context: { path, format, type: typeof data },
  });
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
  const algorithm = opts.algorithm;
  // As soon as the digest is known, the sidecar that will list it is written and fsynced too,
  // while the data is still being written and synced; publishing then only renames it.
  let sidecarTemp: string | undefined;
  let hashAndPrepare: BytesHasher | undefined;
  if (algorithm !== undefined) {
    // Stryker disable next-line StringLiteral: every place but "worker" hashes in slices
    const hasher = await bytesHasher(algorithm, "slices");
    hashAndPrepare = async (data) => {
      const hex = await hasher(data);
      sidecarTemp = await prepareSidecar(fs, target, algorithm, [hex], opts.mode);
      return hex;
    };
  }
  const removeSidecarTemp = async () => {
    if (sidecarTemp !== undefined) await unlinkQuietly(fs, sidecarTemp).catch(() => undefined);
  };
  const { tempPath, hex } = await writeTemp(fs, target, bytes, hashAndPrepare, opts.mode).catch(
    async (error: unknown) => {
      await removeSidecarTemp();
      throw error;
    },
  );
  // Stryker disable next-line LogicalOperator: hex is undefined exactly when algorithm is (no hasher without one)
  const digest = algorithm === undefined || hex === undefined ? undefined : { algorithm, hex };
  const plan = { fs, path: target, tempPath, bytes, mode: opts.mode };
  const prepared = sidecarTemp === undefined ? {} : { sidecarTemp };
  await publish(digest ? { ...plan, digest, ...prepared } : plan, options, removeSidecarTemp);
  const result: AtomicWriteResult = { path: target, size: bytes.length };
  if (digest !== undefined)
    result.checksum = { ...digest, sidecar: sidecarPath(target, digest.algorithm) };
  return result;
};

// Takes the path's lock, swaps, releases; any failure removes the temp files and is typed.
const publish = async (
  plan: SwapPlan,
  options: AtomicWriteOptions,
  removeSidecarTemp: () => Promise<void>,
) => {
  try {
    const lock = await acquireLock(lockPathFor(plan.path), options.lock);
    try {
      await swapIntoPlace({ ...plan, stillHeld: () => lock.held() });
    } finally {
      await lock.release();
    }
  } catch (error) {
    await unlinkQuietly(plan.fs, plan.tempPath).catch(() => undefined);
    await removeSidecarTemp();
    if (CacheWriteError.isInstance(error)) throw error;
    throw new CacheWriteError(`Cannot publish ${plan.path}`, {
      hint: "Check free space and permissions; the previous file was kept unless the rename happened",
      context: { path: plan.path, errorCode: errnoCode(error) ?? "UNKNOWN" },
      cause: error,
    });
  }
};
