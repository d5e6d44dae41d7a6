import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { acquireLock } from "../lock/path-lock";
import { CacheWriteError } from "../shared/cache-write-error";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();
const at = (iso: string) => () => new Date(iso);

// Two writers of one manifest folder, as two processes would hold them.
const twoWriters = async () => {
  const dir = await tempDir();
  await writeFile(join(dir, "a.bin"), "alpha");
  await writeFile(join(dir, "b.bin"), "bravo");
  const early = CacheManifest.create({ dir, runId: "early", now: at("2026-01-01T00:00:00.000Z") });
  const late = CacheManifest.create({ dir, runId: "late", now: at("2026-01-02T00:00:00.000Z") });
  return { dir, early, late };
};

const savedEntries = async (dir: string) =>
  (await CacheManifest.load(join(dir, "manifest.json"))).files.map((f) => [
    f.path,
    f.schemaVersion,
  ]);

describe("CacheManifest#save", () => {
  it("keeps the entries another writer saved meanwhile", async () => {
    const { dir, early, late } = await twoWriters();
    await early.addFile("a.bin");
    await early.save();
    await late.addFile("b.bin");
    await late.save();
    expect(await savedEntries(dir)).toEqual([
      ["a.bin", "v1"],
      ["b.bin", "v1"],
    ]);
    expect(late.files.map((f) => f.path)).toEqual(["a.bin", "b.bin"]);
  });

  it("keeps the later-added entry of one path, whichever writer saves last", async () => {
    const { dir, early, late } = await twoWriters();
    await late.addFile("a.bin", { schemaVersion: "late" });
    await early.addFile("a.bin", { schemaVersion: "early" });
    await late.save();
    await early.save();
    expect(await savedEntries(dir)).toEqual([["a.bin", "late"]]);
  });

  it("lets the saving writer's entry win a tie on addedAt", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.bin"), "alpha");
    const [first, second] = ["first", "second"].map((runId) =>
      CacheManifest.create({ dir, runId, now: at("2026-01-01T00:00:00.000Z") }),
    );
    await first!.addFile("a.bin", { schemaVersion: "first" });
    await second!.addFile("a.bin", { schemaVersion: "second" });
    await first!.save();
    await second!.save();
    expect(await savedEntries(dir)).toEqual([["a.bin", "second"]]);
  });

  it("waits for the read-merge-write lock beside the manifest, and gives up with LOCK_TIMEOUT", async () => {
    const dir = await tempDir();
    await CacheManifest.create({ dir, runId: "r", fileName: "m.json" }).save();
    let t = 0;
    const lock = { timeoutMs: 100, now: () => t, sleep: async (ms: number) => void (t += ms) };
    const manifest = await CacheManifest.load(join(dir, "m.json"), { lock });
    const held = await acquireLock(join(dir, ".m.json.rmw.peaklock"));
    const error: unknown = await manifest.save().catch((e: unknown) => e);
    await held.release();
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).context).toMatchObject({ errorCode: "LOCK_TIMEOUT" });
    await manifest.save();
    expect((await readdir(dir)).sort()).toEqual(["m.json"]);
  });

  it("takes the manifest's own write lock with the same lock options, and releases both", async () => {
    const dir = await tempDir();
    await CacheManifest.create({ dir, runId: "r" }).save();
    const events: string[] = [];
    const lock = { trace: (event: string) => void events.push(event) };
    await (await CacheManifest.load(join(dir, "manifest.json"), { lock })).save();
    expect(events).toEqual(["acquired", "acquired", "released", "released"]);
  });

  it("writes JSON text whatever the manifest file is called", async () => {
    const dir = await tempDir();
    await CacheManifest.create({ dir, runId: "r", fileName: "manifest.arrow" }).save();
    const text = await readFile(join(dir, "manifest.arrow"), "utf8");
    expect(JSON.parse(text)).toMatchObject({ manifestVersion: 1, runId: "r" });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it("turns a failure that is not a kit error into a CacheWriteError and leaves no file", async () => {
    const dir = await tempDir();
    let calls = 0;
    const broken = new Error("clock stopped");
    const now = () => {
      if (++calls > 1) throw broken;
      return new Date("2026-01-01T00:00:00.000Z");
    };
    const manifest = CacheManifest.create({ dir, runId: "r", now });
    const error: unknown = await manifest.save().catch((e: unknown) => e);
    const path = join(dir, "manifest.json");
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: `Cannot save manifest ${path} (UNKNOWN)`,
      hint: "Check free space and that the folder is writable; the manifest on disk is unchanged",
      context: { path, errorCode: "UNKNOWN" },
      cause: broken,
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
