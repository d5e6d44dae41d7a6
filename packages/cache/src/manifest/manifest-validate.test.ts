import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheManifest } from "./cache-manifest";
import type { ManifestEntry } from "./manifest-schema";
import { validateEntries } from "./manifest-validate";

const tempDir = useTempDirs();

const recorded = async (files: Record<string, string>) => {
  const dir = await tempDir();
  const manifest = CacheManifest.create({ dir, runId: "r" });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, name), text);
    await manifest.addFile(name);
  }
  return { dir, manifest };
};

// The sha256 of the empty input, as every sha256 tool prints it.
const EMPTY = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const entry = (path: string, size = 0, checksum = EMPTY): ManifestEntry => ({
  path,
  checksum,
  size,
  schemaVersion: "v1",
  addedAt: "2026-01-01T00:00:00.000Z",
});

describe("CacheManifest#validate problems", () => {
  it("describes each problem with the entry's path, expected and actual values", async () => {
    const { dir, manifest } = await recorded({ "a.bin": "alpha", "b.bin": "bravo", "c.bin": "c" });
    const [a] = manifest.files;
    await writeFile(join(dir, "a.bin"), "ALPHA");
    await writeFile(join(dir, "b.bin"), "bravo!");
    await rm(join(dir, "c.bin"));
    const { errors } = await manifest.validate();
    expect(errors).toEqual([
      {
        code: "checksum_mismatch",
        path: "a.bin",
        message: "Checksum mismatch: a.bin",
        expected: a!.checksum,
        actual: "sha256:73ab66a033c267e00b7429bb256f6deb2734ebc4cd4ff5b564a8c9f9b2c8a719",
      },
      {
        code: "size_mismatch",
        path: "b.bin",
        message: "Size mismatch: b.bin (expected 5 bytes, got 6)",
        expected: 5,
        actual: 6,
      },
      { code: "missing", path: "c.bin", message: "Missing file: c.bin" },
    ]);
  });

  it("reports a directory where a file was as not a regular file", async () => {
    const { dir, manifest } = await recorded({ "a.bin": "alpha" });
    await rm(join(dir, "a.bin"));
    await mkdir(join(dir, "a.bin"));
    expect((await manifest.validate()).errors).toEqual([
      { code: "unreadable", path: "a.bin", message: "Not a regular file (directory): a.bin" },
    ]);
  });

  it("reports a file swapped for a symlink out of the folder, without following it", async () => {
    const { dir, manifest } = await recorded({ "a.bin": "alpha" });
    const outside = join(await tempDir(), "a.bin");
    await writeFile(outside, "alpha");
    await rm(join(dir, "a.bin"));
    await symlink(outside, join(dir, "a.bin"));
    expect(await manifest.validate()).toEqual({
      valid: false,
      errors: [
        {
          code: "outside_folder",
          path: "a.bin",
          message: "Entry leaves the manifest folder: a.bin",
        },
      ],
    });
  });

  it("skips the checksums with `checksums: false`, but still compares sizes", async () => {
    const { dir, manifest } = await recorded({ "a.bin": "alpha", "b.bin": "bravo" });
    await writeFile(join(dir, "a.bin"), "ALPHA");
    await writeFile(join(dir, "b.bin"), "bravo!");
    const { valid, errors } = await manifest.validate({ checksums: false });
    expect(valid).toBe(false);
    expect(errors.map((e) => [e.code, e.path])).toEqual([["size_mismatch", "b.bin"]]);
  });
});

describe("validateEntries", () => {
  it("refuses a stored path that is not normalised even when its file is inside", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.bin"), "");
    const { errors } = await validateEntries(dir, [entry("./a.bin"), entry("a.bin")], true);
    expect(errors).toEqual([
      {
        code: "outside_folder",
        path: "./a.bin",
        message: "Entry leaves the manifest folder: ./a.bin",
      },
    ]);
  });

  it("escapes control characters of a stored path in the message", async () => {
    const dir = await tempDir();
    const { errors } = await validateEntries(dir, [entry("a\u001b[2J.bin")], true);
    expect(errors).toEqual([
      { code: "missing", path: "a\u001b[2J.bin", message: "Missing file: a\\u001b[2J.bin" },
    ]);
  });

  // Linux kernel files: /proc/self/mem is a regular file of size 0 whose offset 0 cannot be
  // read (EIO); /proc/sys/vm/drop_caches is write-only, so even root cannot open it (EACCES).
  it("reports a file whose bytes cannot be read, with the system's reason", async () => {
    const { errors } = await validateEntries("/proc/self", [entry("mem")], true);
    expect(errors).toEqual([
      { code: "unreadable", path: "mem", message: "Cannot read mem: Error: EIO: i/o error, read" },
    ]);
  });

  it("reports a file that cannot be opened with the kit error's message", async () => {
    const { errors } = await validateEntries("/proc/sys/vm", [entry("drop_caches")], true);
    expect(errors).toEqual([
      {
        code: "unreadable",
        path: "drop_caches",
        message:
          "Cannot read drop_caches: Cannot open manifest entry /proc/sys/vm/drop_caches: permission denied",
      },
    ]);
  });
});
