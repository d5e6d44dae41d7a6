import { basename } from "node:path";
import { CacheCorruptionError, escapeControl } from "@peak/errors";
import { DIGEST_HEX_LENGTH, type ChecksumAlgorithm } from "./checksum";

/** Path of the sidecar for `path`: `<path>.sha256`, `<path>.xxh3` or `<path>.blake3`. */
export const sidecarPath = (path: string, algorithm: ChecksumAlgorithm): string =>
  `${path}.${algorithm}`;

// sha256sum escapes names that hold a backslash, CR or LF and marks the line with a leading "\".
const escapeName = (name: string): { name: string; escaped: boolean } => {
  if (!/[\\\n\r]/.test(name)) return { name, escaped: false };
  const escaped = name.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  return { name: escaped, escaped: true };
};

/**
 * Formats sidecar text in `sha256sum` (and `b3sum`) format: one `<hex>  <basename>\n` line per
 * digest. Two lines only appear while a write swaps versions (see the README's protocol).
 */
export const formatSidecar = (digests: readonly string[], dataPath: string): string => {
  const { name, escaped } = escapeName(basename(dataPath));
  return digests.map((hex) => `${escaped ? "\\" : ""}${hex}  ${name}\n`).join("");
};

const LINE = /^\\?([0-9a-fA-F]+)(?:[ ][ *].*)?$/;
const BSD_LINE = /^[A-Za-z0-9-]+ \(.*\) = ([0-9a-fA-F]+)$/;

/**
 * Parses sidecar text into lower-case digests. Accepts `sha256sum` lines (text or `*` binary
 * flag), BSD `--tag` lines and the original's bare hex (no name, no newline).
 *
 * @throws {CacheCorruptionError} when a line is not a digest of the expected length.
 */
export const parseSidecar = (
  text: string,
  algorithm: ChecksumAlgorithm,
  file: string,
): string[] => {
  const digests: string[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.replace(/\r$/, "").trim();
    if (line === "") continue;
    const hex = (LINE.exec(line) ?? BSD_LINE.exec(line))?.[1];
    if (hex === undefined || hex.length !== DIGEST_HEX_LENGTH[algorithm]) {
      throw new CacheCorruptionError(`Unreadable ${algorithm} sidecar: ${escapeControl(file)}`, {
        hint: "Delete the sidecar and the data file, then rebuild the cache entry",
        // Never the line's text: a sidecar symlinked elsewhere would leak that file's content.
        context: { path: file, line: index + 1, length: line.length },
      });
    }
    digests.push(hex.toLowerCase());
  }
  if (digests.length > 0) return digests;
  throw new CacheCorruptionError(`Empty ${algorithm} sidecar: ${escapeControl(file)}`, {
    hint: "Delete the sidecar and the data file, then rebuild the cache entry",
    context: { path: file },
  });
};
