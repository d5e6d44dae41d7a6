import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();

// Deeper than the cwd, so a cwd-relative path's `..`s cannot climb back to the same file.
const deepFolder = async () => {
  const dir = join(await tempDir(), ...Array<string>(16).fill("d"), "cache");
  await mkdir(join(dir, "sub"), { recursive: true });
  await writeFile(join(dir, "BTC-1h.parquet"), "bytes");
  await writeFile(join(dir, "sub", "ETH-1h.parquet"), "bytes");
  return { dir, manifest: CacheManifest.create({ dir, runId: "run-1" }) };
};

const refusal = async (manifest: CacheManifest, path: string) => {
  const error: unknown = await manifest.addFile(path).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: "ConfigError" });
  return error as { message: string; hint: string; context: Record<string, unknown> };
};

const relativeTo = (dir: string) =>
  `A relative path is relative to the manifest folder ${dir}, not the working directory`;

const insideOnly = (dir: string) => `Add files inside ${dir} (no ../, no symlinks pointing out)`;

describe("CacheManifest#addFile paths", () => {
  it("takes a path relative to dir, and hints at it when given one relative to the cwd", async () => {
    const { dir, manifest } = await deepFolder();
    await expect(manifest.addFile("BTC-1h.parquet")).resolves.toMatchObject({
      path: "BTC-1h.parquet",
    });
    const fromCwd = relative(process.cwd(), join(dir, "BTC-1h.parquet"));
    const error = await refusal(manifest, fromCwd);
    expect(error.hint).toBe(`${relativeTo(dir)}: pass "BTC-1h.parquet"`);
  });

  it("hints at the POSIX path of a nested file given relative to the cwd", async () => {
    const { dir, manifest } = await deepFolder();
    const error = await refusal(manifest, relative(process.cwd(), join(dir, "sub/ETH-1h.parquet")));
    expect(error.hint).toBe(`${relativeTo(dir)}: pass "sub/ETH-1h.parquet"`);
  });

  it("names the path, the folder and the reason for a missing file", async () => {
    const { dir, manifest } = await deepFolder();
    const error = await refusal(manifest, "nope.bin");
    expect(error.message).toBe("Cannot add nope.bin to the manifest: it is missing");
    expect(error.hint).toBe(`${relativeTo(dir)}; no file at ${join(dir, "nope.bin")}`);
    expect(error.context).toEqual({ path: "nope.bin", dir, reason: "missing" });
  });

  // Read from the folder, such a path climbs out of it; the hint names a file only if one is there.
  it.each([
    ["a file that does not exist", async (dir: string) => join(dir, "gone.bin")],
    [
      "a file outside the folder",
      async () => {
        const elsewhere = join(await tempDir(), "x.bin");
        await writeFile(elsewhere, "x");
        return elsewhere;
      },
    ],
  ])("does not suggest a cwd-relative path to %s", async (_what, target) => {
    const { dir, manifest } = await deepFolder();
    const error = await refusal(manifest, relative(process.cwd(), await target(dir)));
    expect(error.context).toMatchObject({ reason: "outside the manifest folder" });
    expect(error.hint).toBe(insideOnly(dir));
  });

  it("asks for files inside the folder when an absolute path is a symlink out", async () => {
    const { dir, manifest } = await deepFolder();
    const elsewhere = join(await tempDir(), "x.bin");
    await writeFile(elsewhere, "x");
    await symlink(elsewhere, join(dir, "link.bin"));
    const error = await refusal(manifest, join(dir, "link.bin"));
    expect(error.message).toBe(
      `Cannot add ${join(dir, "link.bin")} to the manifest: it is a symlink out of the folder`,
    );
    expect(error.hint).toBe(insideOnly(dir));
    expect(error.context).toEqual({
      path: join(dir, "link.bin"),
      dir,
      reason: "a symlink out of the folder",
    });
  });

  it("asks for files inside the folder when given the folder itself", async () => {
    const dir = process.cwd();
    const error = await refusal(CacheManifest.create({ dir, runId: "r" }), ".");
    expect(error.message).toBe("Cannot add . to the manifest: it is outside the manifest folder");
    expect(error.hint).toBe(insideOnly(dir));
  });
});
