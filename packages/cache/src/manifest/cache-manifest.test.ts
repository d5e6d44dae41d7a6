import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isCacheCorruptionError, isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheManifest } from "./cache-manifest";
import { computeChecksum } from "../sidecar/checksum";

const tempDir = useTempDirs();
const clock = (iso: string) => () => new Date(iso);

const withFiles = async () => {
  const dir = await tempDir();
  await mkdir(join(dir, "sub"));
  await writeFile(join(dir, "a.bin"), "alpha");
  await writeFile(join(dir, "sub", "b.bin"), "bravo");
  const manifest = CacheManifest.create({
    dir,
    runId: "run-1",
    gitSha: "abc123",
    configHash: "cfg",
    now: clock("2026-01-02T03:04:05.000Z"),
  });
  return { dir, manifest };
};

describe("CacheManifest", () => {
  it("records provenance and files with relative POSIX paths, sha256 checksums and sizes", async () => {
    const { dir, manifest } = await withFiles();
    await manifest.addFile("a.bin");
    await manifest.addFile(join(dir, "sub", "b.bin"), { schemaVersion: "v2" });
    expect(manifest.toJSON()).toEqual({
      manifestVersion: 1,
      runId: "run-1",
      gitSha: "abc123",
      configHash: "cfg",
      runtime: { name: "node", version: process.versions.node },
      platform: { os: process.platform, arch: process.arch },
      createdAt: "2026-01-02T03:04:05.000Z",
      updatedAt: "2026-01-02T03:04:05.000Z",
      files: [
        {
          path: "a.bin",
          checksum: `sha256:${await computeChecksum(new TextEncoder().encode("alpha"))}`,
          size: 5,
          schemaVersion: "v1",
          addedAt: "2026-01-02T03:04:05.000Z",
        },
        {
          path: "sub/b.bin",
          checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
          size: 5,
          schemaVersion: "v2",
          addedAt: "2026-01-02T03:04:05.000Z",
        },
      ],
    });
  });

  it("saves atomically and loads the same document back", async () => {
    const { dir, manifest } = await withFiles();
    await manifest.addFile("sub/b.bin");
    await manifest.addFile("a.bin");
    await manifest.save();
    const text = await readFile(join(dir, "manifest.json"), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    const loaded = await CacheManifest.load(join(dir, "manifest.json"));
    expect(loaded.toJSON()).toEqual(manifest.toJSON());
    expect(loaded.files.map((f) => f.path)).toEqual(["a.bin", "sub/b.bin"]);
  });

  it("replaces the entry of a file added twice", async () => {
    const { dir, manifest } = await withFiles();
    await manifest.addFile("a.bin");
    await writeFile(join(dir, "a.bin"), "alpha, longer");
    await manifest.addFile("a.bin", { schemaVersion: "v3" });
    expect(manifest.files).toMatchObject([{ path: "a.bin", size: 13, schemaVersion: "v3" }]);
  });

  it("rejects files outside the folder on add: ../, absolute elsewhere, symlink out, missing", async () => {
    const { dir, manifest } = await withFiles();
    const outside = await tempDir();
    await writeFile(join(outside, "secret"), "s");
    await symlink(join(outside, "secret"), join(dir, "link"));
    for (const path of ["../x", join(outside, "secret"), "link", "nope.bin", "."]) {
      await expect(manifest.addFile(path)).rejects.toSatisfy(isConfigError);
    }
  });

  it("reports every missing file, size mismatch and checksum mismatch", async () => {
    const { dir, manifest } = await withFiles();
    await writeFile(join(dir, "c.bin"), "charlie");
    for (const f of ["a.bin", "sub/b.bin", "c.bin"]) await manifest.addFile(f);
    expect(await manifest.validate()).toEqual({ valid: true, errors: [] });
    await writeFile(join(dir, "a.bin"), "ALPHA");
    await writeFile(join(dir, "sub", "b.bin"), "bravo!");
    const { rm } = await import("node:fs/promises");
    await rm(join(dir, "c.bin"));
    const { valid, errors } = await manifest.validate();
    expect(valid).toBe(false);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ["checksum_mismatch", "a.bin"],
      ["missing", "c.bin"],
      ["size_mismatch", "sub/b.bin"],
    ]);
    expect(errors[2]).toMatchObject({ expected: 5, actual: 6 });
  });
});

describe("CacheManifest.load", () => {
  const saved = async () => {
    const { dir, manifest } = await withFiles();
    await manifest.addFile("a.bin");
    await manifest.save();
    const path = join(dir, "manifest.json");
    return { dir, path, json: JSON.parse(await readFile(path, "utf8")) as Record<string, any> };
  };
  const rejects = async (path: string, pattern: RegExp) => {
    const error: unknown = await CacheManifest.load(path).catch((e: unknown) => e);
    expect(isCacheCorruptionError(error)).toBe(true);
    expect((error as Error).message).toMatch(pattern);
  };

  it("rejects malformed JSON, an unknown version and schema errors", async () => {
    const { path, json } = await saved();
    await writeFile(path, "{ not json");
    await rejects(path, /not valid JSON/);
    await writeFile(path, JSON.stringify({ ...json, manifestVersion: 2 }));
    await rejects(path, /Unknown manifest version 2/);
    await writeFile(
      path,
      JSON.stringify({ ...json, files: [{ ...json.files[0], checksum: "deadbeef" }] }),
    );
    await rejects(path, /schema/);
  });

  it("rejects entries that leave the folder", async () => {
    const { dir, path, json } = await saved();
    const outside = await tempDir();
    await symlink(outside, join(dir, "out"));
    await writeFile(join(outside, "x"), "x");
    for (const bad of ["../a.bin", "/etc/passwd", "sub\\a.bin", "out/x"]) {
      await writeFile(path, JSON.stringify({ ...json, files: [{ ...json.files[0], path: bad }] }));
      await rejects(path, /Manifest entry/);
    }
  });

  it("raises ConfigError for a manifest that does not exist", async () => {
    await expect(CacheManifest.load(join(await tempDir(), "manifest.json"))).rejects.toSatisfy(
      isConfigError,
    );
  });
});
