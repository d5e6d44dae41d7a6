import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { failure } from "./__fixtures__/outcome";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheMissError } from "../shared/cache-miss-error";
import { computeChecksum } from "../sidecar/checksum";
import { formatSidecar } from "../sidecar/sidecar";
import { atomicWrite } from "../write/atomic-write";
import { atomicRead } from "./atomic-read";
import { atomicReadTable } from "./atomic-read-table";

const tempDir = useTempDirs();
const utf8 = (text: string) => new TextEncoder().encode(text);
// The UTF-8 text of what atomicRead returned, which must be raw bytes.
const text = (read: unknown): string => {
  expect(read).toBeInstanceOf(Uint8Array);
  return Buffer.from(read as Uint8Array).toString("utf8");
};

// A data file with only an xxh3 sidecar (over `listed`), as a writer with checksum: "xxh3" leaves.
const withXxh3 = async (name: string, content: string, listed = content) => {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  const hex = await computeChecksum(utf8(listed), "xxh3");
  await writeFile(`${path}.xxh3`, formatSidecar([hex], path));
  return path;
};

describe("atomicRead options", () => {
  it.each([[""], [42], [undefined]])("refuses the path %j with a ConfigError", async (path) => {
    const error = await failure(atomicRead(path as string));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe("atomicRead needs a file path");
    expect(error.hint).toBe("Pass a non-empty string path");
    expect(error.context).toEqual({ path: String(path) });
  });

  it("refuses an unknown option key, naming atomicRead", async () => {
    const error = await failure(atomicRead("x.bin", { verifyChecksums: true } as never));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe("Unknown atomicRead option `verifyChecksums`");
  });

  it.each([
    ["crc", '"crc"', "crc"],
    [1, "1", "1"],
  ])("refuses verifyChecksum %j", async (value, shown, context) => {
    const path = await withXxh3("v.bin", "v");
    const error = await failure(atomicRead(path, { verifyChecksum: value as never }));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe(`Invalid atomicRead option \`verifyChecksum\`: ${shown}`);
    expect(error.hint).toBe("Use true, false or one of sha256, blake3, xxh3");
    expect(error.context).toEqual({ option: "verifyChecksum", value: context });
  });

  it.each([[false], [undefined]])("skips the check with verifyChecksum %j", async (verify) => {
    const path = await withXxh3("damaged.bin", "damaged", "original");
    expect(
      text(await atomicRead(path, { verifyChecksum: verify as boolean, format: "bytes" })),
    ).toBe("damaged");
  });

  it("checks every sidecar algorithm with verifyChecksum true", async () => {
    const path = await withXxh3("ok.bin", "ok");
    expect(text(await atomicRead(path, { verifyChecksum: true }))).toBe("ok");
    const damaged = await withXxh3("bad.bin", "bad", "good");
    const error = await failure(atomicRead(damaged, { verifyChecksum: true }));
    expect(error.message).toBe(`Checksum mismatch for ${damaged}`);
  });

  it("checks only the named algorithm", async () => {
    const path = await withXxh3("one.bin", "one");
    expect(text(await atomicRead(path, { verifyChecksum: "xxh3" }))).toBe("one");
    const error = await failure(atomicRead(path, { verifyChecksum: "sha256" }));
    expect(error.context).toEqual({ path, sidecars: [`${path}.sha256`] });
  });

  it("resolves a relative path before reading", async () => {
    const error = await failure(atomicRead("peak-no-such-dir/none.bin"));
    expect(CacheMissError.isInstance(error)).toBe(true);
    expect(error.context).toEqual({ path: resolve("peak-no-such-dir/none.bin") });
  });
});

describe("atomicRead of tables", () => {
  it("decodes a table by extension, checked or not, with number timestamps by default", async () => {
    const path = join(await tempDir(), "bars.arrow") as `${string}.arrow`;
    const table = ohlcvTable(5, 1);
    await atomicWrite(table, path, { checksum: "xxh3" });
    for (const verifyChecksum of [false, true]) {
      const back = await atomicRead(path, { verifyChecksum });
      expect(back.objects()).toEqual(table.objects());
      expect(typeof back.get("timestamp", 0)).toBe("number");
    }
  });

  it("refuses a table whose sidecar does not match, instead of decoding it", async () => {
    const path = join(await tempDir(), "bars.parquet");
    await atomicWrite(ohlcvTable(5, 1), path);
    await writeFile(`${path}.sha256`, formatSidecar(["0".repeat(64)], path));
    const error = await failure(atomicRead(path, { verifyChecksum: "sha256" }));
    expect(error.message).toBe(`Checksum mismatch for ${path}`);
  });

  it("returns raw bytes of a table file with format bytes", async () => {
    const path = join(await tempDir(), "bars.parquet");
    await atomicWrite(ohlcvTable(3, 1), path, { checksum: true });
    const bytes = await atomicRead(path, { format: "bytes", verifyChecksum: true });
    expect(text(bytes.subarray(0, 4))).toBe("PAR1");
  });
});

describe("atomicReadTable", () => {
  it("refuses a path that means raw bytes", async () => {
    const error = await failure(atomicReadTable("cache/prices.bin"));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe("atomicReadTable needs a table format for cache/prices.bin");
    expect(error.hint).toBe('Use a .parquet or .arrow path, or pass format: "parquet" | "arrow"');
    expect(error.context).toEqual({ path: "cache/prices.bin", format: "bytes" });
  });

  it("reads a table from any path when given its format", async () => {
    const path = join(await tempDir(), "bars.dat");
    const table = ohlcvTable(4, 2);
    await atomicWrite(table, path, { format: "parquet" });
    expect((await atomicReadTable(path, { format: "parquet" })).objects()).toEqual(table.objects());
  });
});
