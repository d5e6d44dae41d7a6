import { mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicWrite } from "./atomic-write";
import { cleanup } from "./cleanup";

const tempDir = useTempDirs();
const DEAD = 4_000_000;

const seed = async (dir: string) => {
  const names = {
    deadTemp: `.bars.parquet.peaktmp-${DEAD}-0123456789abcdef`,
    liveTemp: `.bars.parquet.peaktmp-${process.pid}-fedcba9876543210`,
    lock: ".bars.parquet.peaklock",
    lockFolder: ".old.parquet.peaklock",
    data: "bars.parquet",
    lookalike: ".bars.parquet.peaktmp-notours",
  };
  for (const name of Object.values(names)) {
    if (name !== names.lockFolder) await writeFile(join(dir, name), "x");
  }
  const token = {
    pid: DEAD,
    host: hostname(),
    startMs: 1,
    createdMs: Date.now(),
    nonce: "0".repeat(16),
  };
  await mkdir(join(dir, names.lockFolder));
  await writeFile(join(dir, names.lockFolder, `owner-${token.nonce}`), JSON.stringify(token));
  await writeFile(
    join(dir, names.lock),
    JSON.stringify({ pid: DEAD, host: hostname(), createdMs: Date.now() }),
  );
  return names;
};

describe("cleanup", () => {
  it("removes temp files and locks of dead writers and keeps everything else", async () => {
    const dir = await tempDir();
    const names = await seed(dir);
    const { removed } = await cleanup(dir, { isAlive: (pid) => pid !== DEAD });
    const expected = [names.lock, names.lockFolder, names.deadTemp].map((n) => join(dir, n));
    expect(removed.sort()).toEqual(expected.sort());
    expect((await readdir(dir)).sort()).toEqual(
      [names.liveTemp, names.lookalike, names.data].sort(),
    );
  });

  it("removes leftovers older than olderThanMs even when their pid looks alive", async () => {
    const dir = await tempDir();
    const names = await seed(dir);
    const old = new Date(Date.UTC(2020, 0, 1));
    await utimes(join(dir, names.liveTemp), old, old);
    const { removed } = await cleanup(dir, { olderThanMs: 60_000, isAlive: () => true });
    expect(removed).toEqual([join(dir, names.liveTemp)]);
  });

  it("keeps fresh leftovers when pid checks are off", async () => {
    const dir = await tempDir();
    await seed(dir);
    const now = () => Date.now() - 1_000;
    expect((await cleanup(dir, { checkPid: false, now })).removed).toEqual([]);
  });

  it("rejects a negative olderThanMs", async () => {
    await expect(cleanup(await tempDir(), { olderThanMs: -1 })).rejects.toSatisfy(isConfigError);
  });
});

describe("cleanup of two-digest sidecars", () => {
  it("keeps only the digest that matches the data, so sha256sum -c passes again", async () => {
    const dir = await tempDir();
    const path = join(dir, "bars.bin");
    const written = await atomicWrite("current", path, { checksum: true });
    const stale = "0".repeat(64);
    await writeFile(`${path}.sha256`, `${stale}  bars.bin\n${written.checksum?.hex}  bars.bin\n`);
    const { repaired } = await cleanup(dir);
    expect(repaired).toEqual([`${path}.sha256`]);
    expect(await readFile(`${path}.sha256`, "utf8")).toBe(`${written.checksum?.hex}  bars.bin\n`);
  });

  it("leaves a sidecar alone when no listed digest matches (real corruption)", async () => {
    const dir = await tempDir();
    const path = join(dir, "bars.bin");
    await writeFile(path, "damaged");
    const text = `${"0".repeat(64)}  bars.bin\n${"1".repeat(64)}  bars.bin\n`;
    await writeFile(`${path}.sha256`, text);
    expect((await cleanup(dir)).repaired).toEqual([]);
    expect(await readFile(`${path}.sha256`, "utf8")).toBe(text);
  });
});

describe("cleanup after an interrupted swap", () => {
  it("removes sidecars whose data file never arrived (a first write died before its rename)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "new.bin.sha256"), `${"0".repeat(64)}  new.bin\n`);
    expect(await cleanup(dir)).toEqual({ removed: [join(dir, "new.bin.sha256")], repaired: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it("removes the old algorithm's sidecar that no longer matches after a switch", async () => {
    const dir = await tempDir();
    const path = join(dir, "bars.bin");
    await atomicWrite("new", path, { checksum: "xxh3" });
    await writeFile(`${path}.sha256`, `${"0".repeat(64)}  bars.bin\n`); // what 0.0 left behind
    expect((await cleanup(dir)).removed).toEqual([`${path}.sha256`]);
    expect((await readdir(dir)).sort()).toEqual(["bars.bin", "bars.bin.xxh3"]);
  });
});
