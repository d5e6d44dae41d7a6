import { createHash } from "node:crypto";
import { isCacheCorruptionError, isConfigError, type PeakTradeError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import {
  CHECKSUM_ALGORITHMS,
  DIGEST_HEX_LENGTH,
  HASH_CHUNK_BYTES,
  computeChecksum,
  createDigester,
  type ChecksumAlgorithm,
} from "./checksum";
import { formatSidecar, parseSidecar } from "./sidecar";

const HEX = "ab".repeat(32);
const XXH = "cd".repeat(8);
const abc = new TextEncoder().encode("abc");

const failure = (run: () => unknown): PeakTradeError => {
  try {
    run();
  } catch (error) {
    return error as PeakTradeError;
  }
  throw new Error("expected a throw");
};

describe("checksums (published test vectors)", () => {
  it("lists the algorithms in lookup order with their digest lengths", () => {
    expect(CHECKSUM_ALGORITHMS).toEqual(["sha256", "blake3", "xxh3"]);
    expect(DIGEST_HEX_LENGTH).toEqual({ sha256: 64, blake3: 64, xxh3: 16 });
  });

  it("hashes abc in every algorithm", async () => {
    expect(await computeChecksum(abc)).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(await computeChecksum(abc, "blake3")).toBe(
      "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
    );
    expect(await computeChecksum(abc, "xxh3")).toBe("78af5f94892f3950");
  });

  it("feeds a digester chunk by chunk like one update", async () => {
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const digester = await createDigester(algorithm);
      digester.update(abc.subarray(0, 1));
      digester.update(abc.subarray(1));
      expect(digester.digest(), algorithm).toBe(await computeChecksum(abc, algorithm));
    }
  });

  it("hashes a buffer larger than one chunk completely", async () => {
    const bytes = new Uint8Array(HASH_CHUNK_BYTES + 3).fill(7);
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(await computeChecksum(bytes, "sha256")).toBe(expected);
  });

  it("refuses an unknown algorithm with a ConfigError listing the known ones", async () => {
    const error: unknown = await createDigester("md5" as ChecksumAlgorithm).catch((e) => e);
    expect(isConfigError(error)).toBe(true);
    const e = error as PeakTradeError;
    expect(e.message).toBe('Unknown checksum algorithm "md5"');
    expect(e.hint).toBe("Use one of sha256, blake3, xxh3 (or true for sha256)");
    expect(e.context).toEqual({ algorithm: "md5" });
  });
});

describe("sidecar lines", () => {
  it("escapes a name holding only a CR, only a LF or only a backslash", () => {
    expect(formatSidecar([HEX], "/c/a\rb")).toBe(`\\${HEX}  a\\rb\n`);
    expect(formatSidecar([HEX], "/c/a\nb")).toBe(`\\${HEX}  a\\nb\n`);
    expect(formatSidecar([HEX], "/c/a\\b")).toBe(`\\${HEX}  a\\\\b\n`);
    expect(formatSidecar([HEX, XXH], "/c/plain")).toBe(`${HEX}  plain\n${XXH}  plain\n`);
  });

  it("skips blank lines between digests and reads xxh3 lengths", () => {
    expect(parseSidecar(`${HEX}\n\n  \n${HEX.toUpperCase()}  a`, "sha256", "s")).toEqual([
      HEX,
      HEX,
    ]);
    expect(parseSidecar(`${XXH}  a\n`, "xxh3", "s")).toEqual([XXH]);
    expect(parseSidecar(`\\${HEX}  a\\\\b\n`, "sha256", "s")).toEqual([HEX]);
    expect(parseSidecar(`BLAKE3 (two words) = ${HEX}\n`, "blake3", "s")).toEqual([HEX]);
  });

  it("rejects lines that only contain a digest somewhere", () => {
    for (const line of [
      `zz${HEX}`,
      `${HEX}zz`,
      `${HEX} a`,
      `${HEX}\ta`,
      `!SHA256 (a) = ${HEX}`,
      `SHA256 (a) = ${HEX}zz`,
      `SHA256 (a) ${HEX}`,
      `${HEX}  a\n${HEX.slice(2)}  a`,
      HEX.slice(1) + "g",
    ]) {
      expect(() => parseSidecar(line, "sha256", "s"), line).toThrow(
        expect.toSatisfy(isCacheCorruptionError),
      );
    }
    expect(() => parseSidecar(`${HEX}  a`, "xxh3", "s")).toThrow(
      expect.toSatisfy(isCacheCorruptionError),
    );
  });

  it("names the file, the line and its length, never the line's text", () => {
    const bad = failure(() => parseSidecar(`${HEX}\nsecret-text`, "sha256", "/c/a.sha256"));
    expect(bad.message).toBe("Unreadable sha256 sidecar: /c/a.sha256");
    expect(bad.hint).toBe("Delete the sidecar and the data file, then rebuild the cache entry");
    expect(bad.context).toEqual({ path: "/c/a.sha256", line: 2, length: 11 });
    const empty = failure(() => parseSidecar(" \n", "xxh3", "/c/a.xxh3"));
    expect(isCacheCorruptionError(empty)).toBe(true);
    expect(empty.message).toBe("Empty xxh3 sidecar: /c/a.xxh3");
    expect(empty.hint).toBe("Delete the sidecar and the data file, then rebuild the cache entry");
    expect(empty.context).toEqual({ path: "/c/a.xxh3" });
  });
});
