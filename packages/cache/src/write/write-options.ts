import { ConfigError } from "@peak/errors";
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from "../sidecar/checksum";
import type { CacheFileSystem } from "../shared/file-system";
import type { ParquetCompression } from "../codec/parquet-codec";
import { LOCK_OPTION_KEYS, type LockOptions } from "../lock/path-lock";
import { rejectUnknownOptions } from "../shared/known-options";
import type { CacheFormat } from "../codec/table-types";

/** Options of {@link atomicWrite}. */
export interface AtomicWriteOptions {
  /** Write a sidecar digest: `true` means `"sha256"`. @defaultValue false (and any old sidecar is removed) */
  checksum?: boolean | ChecksumAlgorithm;
  /** Encoding; `auto` picks by extension. @defaultValue "auto" */
  format?: CacheFormat;
  /** Columns written as UTC timestamps besides those holding `Date`s. @defaultValue ["timestamp"] */
  timestampColumns?: readonly string[];
  /** Parquet compression. @defaultValue "snappy" */
  compression?: ParquetCompression;
  /** Permission bits of a new file, before the umask. @defaultValue 0o666 */
  mode?: number;
  /** Waiting for the per-path lock held during the data/sidecar swap. @defaultValue {} */
  lock?: LockOptions;
  /** Replace file-system calls, e.g. to inject a full disk in tests. @defaultValue node:fs */
  fileSystem?: Partial<CacheFileSystem>;
}

/** Options with defaults filled in and checked. */
export interface ResolvedWriteOptions {
  algorithm: ChecksumAlgorithm | undefined;
  format: CacheFormat;
  timestampColumns: readonly string[];
  compression: ParquetCompression;
  mode: number;
}

const bad = (option: string, value: unknown, hint: string): ConfigError =>
  new ConfigError(`Invalid atomicWrite option \`${option}\`: ${JSON.stringify(value)}`, {
    hint,
    context: { option, value },
  });

/**
 * Fills defaults and checks each option.
 *
 * @throws {ConfigError} naming the bad option, or an unknown key with the closest valid one.
 */
const WRITE_KEYS = [
  "checksum",
  "format",
  "timestampColumns",
  "compression",
  "mode",
  "lock",
  "fileSystem",
];

export const resolveWriteOptions = (options: AtomicWriteOptions): ResolvedWriteOptions => {
  rejectUnknownOptions(options, WRITE_KEYS, "atomicWrite");
  rejectUnknownOptions(options.lock, [...LOCK_OPTION_KEYS], "atomicWrite lock");
  const { checksum = false, mode = 0o666, compression = "snappy" } = options;
  if (checksum !== true && checksum !== false && !CHECKSUM_ALGORITHMS.includes(checksum)) {
    throw bad("checksum", checksum, `Use true, false or one of ${CHECKSUM_ALGORITHMS.join(", ")}`);
  }
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) {
    throw bad("mode", mode, "Use permission bits such as 0o644");
  }
  if (!["snappy", "zstd", "uncompressed"].includes(compression)) {
    throw bad("compression", compression, 'Use "snappy", "zstd" or "uncompressed"');
  }
  const timestampColumns = options.timestampColumns ?? ["timestamp"];
  if (!Array.isArray(timestampColumns) || timestampColumns.some((c) => typeof c !== "string")) {
    throw bad("timestampColumns", timestampColumns, "Use an array of column names");
  }
  return {
    algorithm: checksum === true ? "sha256" : checksum === false ? undefined : checksum,
    format: options.format ?? "auto",
    timestampColumns,
    compression,
    mode,
  };
};
