import { resolve } from "node:path";
import type { ColumnTable } from "arquero";
import { ConfigError } from "@peak/errors";
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from "../sidecar/checksum";
import { readOnce } from "./read-once";
import { rejectUnknownOptions } from "../shared/known-options";
import { decodeTable } from "../codec/table-codec";
import { resolveFormat, type CacheFormat } from "../codec/table-types";
import { readVerified } from "./verify-read";

/** Options of {@link atomicRead}. */
export interface AtomicReadOptions {
  /** Check the bytes against the sidecar; `true` accepts any sidecar algorithm. @defaultValue false */
  verifyChecksum?: boolean | ChecksumAlgorithm;
  /** Decoding; `auto` picks by extension. @defaultValue "auto" */
  format?: CacheFormat;
  /** How timestamp columns come back: epoch-ms numbers or `Date`s. @defaultValue "number" */
  dates?: "number" | "date";
}

const algorithmsFor = (verify: AtomicReadOptions["verifyChecksum"]): ChecksumAlgorithm[] => {
  if (verify === true) return [...CHECKSUM_ALGORITHMS];
  if (typeof verify === "string" && CHECKSUM_ALGORITHMS.includes(verify)) return [verify];
  if (verify === false || verify === undefined) return [];
  throw new ConfigError(`Invalid atomicRead option \`verifyChecksum\`: ${JSON.stringify(verify)}`, {
    hint: `Use true, false or one of ${CHECKSUM_ALGORITHMS.join(", ")}`,
    context: { option: "verifyChecksum", value: String(verify) },
  });
};

/** Reads raw bytes when `format` is (or resolves to) `"bytes"`. */
export function atomicRead(
  path: string,
  options: AtomicReadOptions & { format: "bytes" },
): Promise<Uint8Array>;
/** Reads a table when `format` is `"parquet"` or `"arrow"`. */
export function atomicRead(
  path: string,
  options: AtomicReadOptions & { format: "parquet" | "arrow" },
): Promise<ColumnTable>;
/** Reads a table from a `.parquet` or `.arrow` path. */
export function atomicRead(
  path: `${string}.parquet` | `${string}.arrow`,
  options?: AtomicReadOptions,
): Promise<ColumnTable>;
/** Reads a table (`.parquet`, `.arrow`) or raw bytes (any other extension). */
export function atomicRead(
  path: string,
  options?: AtomicReadOptions,
): Promise<ColumnTable | Uint8Array>;
/**
 * Reads a cache file written by {@link atomicWrite}. The file is read once; with
 * `verifyChecksum` those same bytes are hashed and then parsed. Tables come back as arquero
 * tables whose timestamp columns hold epoch-millisecond numbers (UTC instants).
 *
 * @example
 * ```ts
 * const bars = await atomicRead("cache/BTC-1h.parquet", { verifyChecksum: true });
 * bars.array("timestamp"); // [1704067200000, …] epoch ms, UTC
 * ```
 * @throws {CacheCorruptionError} on a digest mismatch, a missing sidecar (when verifying) or
 *   bytes that do not parse; `context` has `path`, `expected` and `actual`.
 * @throws {CacheMissError} when the file does not exist.
 * @throws {ConfigError} for bad options.
 */
export async function atomicRead(
  path: string,
  options: AtomicReadOptions = {},
): Promise<ColumnTable | Uint8Array> {
  if (typeof path !== "string" || path === "") {
    throw new ConfigError("atomicRead needs a file path", {
      hint: "Pass a non-empty string path",
      context: { path: String(path) },
    });
  }
  rejectUnknownOptions(options, ["verifyChecksum", "format", "dates"], "atomicRead");
  const target = resolve(path);
  const format = resolveFormat(target, options.format);
  const algorithms = algorithmsFor(options.verifyChecksum);
  if (format === "bytes") {
    return algorithms.length > 0
      ? (await readVerified(target, algorithms)).bytes
      : (await readOnce(target)).bytes;
  }
  const decode = (bytes: Uint8Array) =>
    decodeTable(bytes, target, format, options.dates ?? "number");
  // Verified: the table is parsed while the bytes are hashed, and returned only if they match.
  return algorithms.length > 0
    ? (await readVerified(target, algorithms, decode)).decoded
    : decode((await readOnce(target)).bytes);
}
