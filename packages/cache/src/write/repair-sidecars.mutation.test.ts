import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { acquireLock } from "../lock/path-lock";
import { computeChecksum } from "../sidecar/checksum";
import { lockPathFor } from "../shared/temp-name";
import { repairSidecars } from "./repair-sidecars";

const tempDir = useTempDirs();
const enc = (s: string) => new TextEncoder().encode(s);
const digestOf = (s: string, a: "sha256" | "xxh3" | "blake3" = "sha256") =>
  computeChecksum(enc(s), a);
const line = (hex: string) => `${hex}  v.bin\n`;

// `dir/v.bin` holding "new" with the given sidecars (name suffix -> text).
const entry = async (sidecars: Record<string, string>, data: string | null = "new") => {
  const dir = await tempDir();
  const path = join(dir, "v.bin");
  if (data !== null) await writeFile(path, data);
  for (const [suffix, text] of Object.entries(sidecars)) await writeFile(`${path}.${suffix}`, text);
  return { dir, path };
};

describe("repairSidecars", () => {
  it("removes sidecars whose data never arrived", async () => {
    const { dir, path } = await entry({ sha256: line(await digestOf("x")) }, null);
    expect(await repairSidecars(dir)).toEqual({ repaired: [], removed: [`${path}.sha256`] });
    expect(await readdir(dir)).toEqual([]);
  });

  it("rewrites a two-digest sidecar to the digest of the data in place", async () => {
    const now = await digestOf("new");
    const { dir, path } = await entry({ sha256: line(await digestOf("old")) + line(now) });
    expect(await repairSidecars(dir)).toEqual({ repaired: [`${path}.sha256`], removed: [] });
    expect(await readFile(`${path}.sha256`, "utf8")).toBe(line(now));
    expect((await stat(`${path}.sha256`)).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it("removes a stale sidecar of another algorithm when one sidecar matches", async () => {
    const { dir, path } = await entry({
      sha256: line(await digestOf("old")),
      xxh3: line(await digestOf("new", "xxh3")),
    });
    expect(await repairSidecars(dir)).toEqual({ repaired: [], removed: [`${path}.sha256`] });
    expect((await readdir(dir)).sort()).toEqual(["v.bin", "v.bin.xxh3"]);
  });

  it("keeps sidecars when none matches: that is corruption, not a crash leftover", async () => {
    const old = line(await digestOf("old"));
    const { dir } = await entry({ sha256: old + old.replace(/^../, "00"), blake3: "garbage\n" });
    expect(await repairSidecars(dir)).toEqual({ repaired: [], removed: [] });
    expect((await readdir(dir)).sort()).toEqual(["v.bin", "v.bin.blake3", "v.bin.sha256"]);
  });

  it("leaves a sound one-line sidecar, hidden files and missing folders alone", async () => {
    const { dir } = await entry({ sha256: line(await digestOf("other")) });
    await writeFile(join(dir, ".hidden.sha256"), "x\n");
    expect(await repairSidecars(dir)).toEqual({ repaired: [], removed: [] });
    expect((await readdir(dir)).sort()).toEqual([".hidden.sha256", "v.bin", "v.bin.sha256"]);
    expect(await repairSidecars(join(dir, "missing"))).toEqual({ repaired: [], removed: [] });
  });

  it("never takes the lock of a sound entry (data and one one-line sidecar), so a busy lock costs it nothing", async () => {
    const { dir, path } = await entry({ sha256: line(await digestOf("new")) });
    const held = await acquireLock(lockPathFor(path));
    let now = 0;
    const clock = { now: () => now, sleep: async () => void (now += 500), isAlive: () => true };
    expect(await repairSidecars(dir, clock)).toEqual({ repaired: [], removed: [] });
    expect(now).toBe(0); // a suspect entry would have waited for the lock (2.5 s of this clock)
    await held.release();
    expect(await readFile(`${path}.sha256`, "utf8")).toBe(line(await digestOf("new")));
  });

  it("skips an entry whose lock stays busy, waiting 2 s by default", async () => {
    const { dir, path } = await entry({ sha256: "a\nb\n" }, null);
    const held = await acquireLock(lockPathFor(path));
    let now = 0;
    const clock = { now: () => now, sleep: async () => void (now += 500), isAlive: () => true };
    expect(await repairSidecars(dir, clock)).toEqual({ repaired: [], removed: [] });
    expect(now).toBe(2_500);
    await held.release();
    expect((await readdir(dir)).sort()).toEqual(["v.bin.sha256"]);
  });
});
