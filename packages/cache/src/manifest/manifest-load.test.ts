import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { isCacheCorruptionError, isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();
const HINT = "The manifest is damaged or from a newer @peak/cache: delete it and rebuild the cache";

const saved = async () => {
  const dir = await tempDir();
  await writeFile(join(dir, "a.bin"), "alpha");
  const manifest = CacheManifest.create({ dir, runId: "r" });
  await manifest.addFile("a.bin");
  await manifest.save();
  const path = join(dir, "manifest.json");
  const json = JSON.parse(await readFile(path, "utf8")) as Record<string, any>;
  return { dir, path, json };
};

const loadError = async (path: string) => {
  const error: unknown = await CacheManifest.load(path).catch((e: unknown) => e);
  expect(isCacheCorruptionError(error)).toBe(true);
  return error as { message: string; hint: string; context: Record<string, unknown> };
};

describe("CacheManifest.load errors", () => {
  it("names the path and the parser's reason for malformed JSON", async () => {
    const { path } = await saved();
    await writeFile(path, "{ not json");
    const error = await loadError(path);
    expect(error.message).toBe(`Manifest is not valid JSON: ${path}`);
    expect(error.hint).toBe(HINT);
    expect(error.context).toEqual({ path, reason: expect.stringMatching(/^SyntaxError: /) });
  });

  it.each([
    ["2", "2", { manifestVersion: 2 }],
    ["undefined", "undefined", null],
    ['"1"', "1", { manifestVersion: "1" }],
  ])("refuses version %s with the expected and actual version", async (shown, actual, doc) => {
    const { path } = await saved();
    await writeFile(path, JSON.stringify(doc));
    const error = await loadError(path);
    expect(error.message).toBe(`Unknown manifest version ${shown} in ${path}`);
    expect(error.context).toEqual({ path, expected: 1, actual });
  });

  it("lists every schema issue with its dotted path", async () => {
    const { path, json } = await saved();
    const files = [{ ...json.files[0], checksum: "deadbeef" }];
    await writeFile(path, JSON.stringify({ ...json, runId: "", files }));
    const error = await loadError(path);
    expect(error.message).toBe(`Manifest does not match its schema: ${path}`);
    expect(error.hint).toBe(HINT);
    expect(error.context).toEqual({
      path,
      issues: [
        expect.stringMatching(/^runId: ./),
        "files.0.checksum: expected sha256:<64 lower-case hex>",
      ],
    });
  });

  it.each([
    ["a prefix", (hex: string) => `xsha256:${hex}`],
    ["a suffix", (hex: string) => `sha256:${hex}0`],
  ])("refuses a checksum with %s around sha256:<64 hex>", async (_what, checksum) => {
    const { path, json } = await saved();
    const hex = (json.files[0].checksum as string).slice("sha256:".length);
    const files = [{ ...json.files[0], checksum: checksum(hex) }];
    await writeFile(path, JSON.stringify({ ...json, files }));
    expect((await loadError(path)).context).toMatchObject({
      issues: ["files.0.checksum: expected sha256:<64 lower-case hex>"],
    });
  });

  it("names the entry that is not a normalised path or is a symlink out", async () => {
    const { dir, path, json } = await saved();
    const outside = await tempDir();
    await writeFile(join(outside, "x"), "x");
    await symlink(outside, join(dir, "out"));
    for (const [entry, problem] of [
      ["./a.bin", "not a normalised relative path"],
      ["out/x", "a symlink out of the folder"],
    ]) {
      await writeFile(
        path,
        JSON.stringify({ ...json, files: [{ ...json.files[0], path: entry }] }),
      );
      const error = await loadError(path);
      expect(error.message).toBe(`Manifest entry ${JSON.stringify(entry)} is ${problem}`);
      expect(error.context).toEqual({ path, entry });
    }
  });

  it("calls the file the manifest when it is not a regular file", async () => {
    const path = join(await tempDir(), "manifest.json");
    await mkdir(path);
    expect((await loadError(path)).message).toBe(
      `Manifest ${path} is a directory, not a regular file`,
    );
  });

  // /proc/self/mem (Linux) is a regular file of size 0 whose first byte cannot be read (EIO).
  it("turns a read failure into a CacheCorruptionError with the errno", async () => {
    const error = await loadError("/proc/self/mem");
    expect(error).toMatchObject({
      message: "Cannot read manifest /proc/self/mem (EIO)",
      hint: "Check that the file is a readable regular file (permissions), or rebuild it",
      context: { path: "/proc/self/mem", errorCode: "EIO" },
      cause: expect.objectContaining({ code: "EIO" }),
    });
  });

  it("raises ConfigError with the absolute path for a manifest that does not exist", async () => {
    const path = join(await tempDir(), "manifest.json");
    const error: unknown = await CacheManifest.load(relative(process.cwd(), path)).catch(
      (e: unknown) => e,
    );
    expect(isConfigError(error)).toBe(true);
    expect(error).toMatchObject({
      message: `Manifest not found: ${path}`,
      hint: "Create it with CacheManifest.create(…).save()",
      context: { path },
    });
  });
});

describe("CacheManifest.load options", () => {
  it("takes a clock for the entries added afterwards", async () => {
    const { dir, path } = await saved();
    await writeFile(join(dir, "b.bin"), "bravo");
    const manifest = await CacheManifest.load(path, { now: () => new Date("2030-01-01") });
    expect(await manifest.addFile("b.bin")).toMatchObject({ addedAt: "2030-01-01T00:00:00.000Z" });
  });

  it("takes every lock option and names the lock in an unknown one", async () => {
    const { path } = await saved();
    const lock = { timeoutMs: 1, staleMs: 1, now: Date.now, isAlive: () => true };
    await expect(CacheManifest.load(path, { lock })).resolves.toBeInstanceOf(CacheManifest);
    const error: unknown = await CacheManifest.load(path, {
      lock: { timeoutMS: 1 } as never,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: "Unknown CacheManifest.load lock option `timeoutMS`" });
  });
});
