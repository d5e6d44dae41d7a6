import { mkdtemp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBundledChild } from "../shared/__fixtures__/use-child";
import { startWriter } from "../shared/__fixtures__/bundle-child";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheManifest } from "./cache-manifest";

const tempDir = useTempDirs();
const SAVERS = 8;
const SAVES = 100;
const bundled = useBundledChild(new URL("__fixtures__/manifest-child.ts", import.meta.url));

describe("concurrent CacheManifest saves", () => {
  it("keeps every entry when two instances in one process save in turn", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.bin"), "a");
    await writeFile(join(dir, "b.bin"), "b");
    const one = CacheManifest.create({ dir, runId: "r" });
    const two = CacheManifest.create({ dir, runId: "r" });
    await one.addFile("a.bin");
    await two.addFile("b.bin");
    await Promise.all([one.save(), two.save()]);
    const loaded = await CacheManifest.load(join(dir, "manifest.json"));
    expect(loaded.files.map((f) => f.path)).toEqual(["a.bin", "b.bin"]);
  });

  it(`loses no entry when ${SAVERS} processes each save ${SAVES} new entries into one manifest`, async () => {
    const dir = await mkdtemp(join(bundled.work, "dir-"));
    const prefixes = Array.from({ length: SAVERS }, (_, i) => `p${i}`);
    const children = prefixes.map((prefix) =>
      startWriter(bundled.script, [dir, prefix, String(SAVES)]),
    );
    const results = await Promise.all(children.map((c) => c.exited));
    expect(results.map((r) => r.code)).toEqual(prefixes.map(() => 0));
    const manifest = await CacheManifest.load(join(dir, "manifest.json"));
    const lost = SAVERS * SAVES - manifest.files.length;
    console.info(`manifest merge: ${SAVERS} x ${SAVES} saves, ${lost} entries lost`);
    expect(lost).toBe(0);
    expect(await manifest.validate()).toEqual({ valid: true, errors: [] });
  }, 300_000);
});
