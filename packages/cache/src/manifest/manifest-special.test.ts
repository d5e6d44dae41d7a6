import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isCacheCorruptionError } from "@peak/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { settleWithin, SPECIAL_KINDS, useSpecialFiles } from "../read/__fixtures__/special-files";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();
const special = useSpecialFiles();

const savedWith = async (name: string) => {
  const dir = await tempDir();
  await writeFile(join(dir, name), "payload");
  const manifest = CacheManifest.create({ dir, runId: "r" });
  await manifest.addFile(name);
  await manifest.save();
  return { dir, path: join(dir, "manifest.json") };
};

// Load zod and the hashing code once, so the 1 s deadlines below measure the readers only.
beforeAll(async () => {
  const { path } = await savedWith("warm.bin");
  await (await CacheManifest.load(path)).validate();
}, 60_000);

describe.each(SPECIAL_KINDS)("CacheManifest with a %s", (kind) => {
  it("load() refuses it as the manifest with a CacheCorruptionError", async () => {
    const path = await special(kind, join(await tempDir(), "manifest.json"));
    const error = await settleWithin(CacheManifest.load(path).then(() => undefined));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect((error as { context: Record<string, unknown> }).context).toMatchObject({ path });
  });

  it("validate() reports it as an entry without reading it", async () => {
    const { dir, path } = await savedWith("a.bin");
    const { rm } = await import("node:fs/promises");
    await rm(join(dir, "a.bin"));
    await special(kind, join(dir, "a.bin"));
    const check = CacheManifest.load(path).then((m) => m.validate());
    const result = await settleWithin(check);
    if (kind === "dev-zero") {
      // A link to /dev/zero leaves the folder: load() refuses the whole manifest.
      expect(isCacheCorruptionError(result)).toBe(true);
    } else {
      expect(result).toEqual({
        valid: false,
        errors: [expect.objectContaining({ code: "unreadable", path: "a.bin" })],
      });
    }
  });
});

describe("CacheManifest.load limits", () => {
  it("refuses a manifest larger than 64 MiB without parsing it", async () => {
    const path = join(await tempDir(), "manifest.json");
    const { open } = await import("node:fs/promises");
    const handle = await open(path, "w");
    await handle.truncate(64 * 1024 * 1024 + 1);
    await handle.close();
    const error: unknown = await CacheManifest.load(path).catch((e: unknown) => e);
    expect(isCacheCorruptionError(error)).toBe(true);
    expect((error as Error).message).toMatch(/larger than/);
  });
});
