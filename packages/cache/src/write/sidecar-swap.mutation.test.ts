import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { computeChecksum, type ChecksumAlgorithm } from "../sidecar/checksum";
import { nodeFileSystem, type CacheFileSystem } from "../shared/file-system";
import { writeTemp } from "./write-temp";
import { swapIntoPlace, writeSidecar } from "./sidecar-swap";

const tempDir = useTempDirs();
const enc = (s: string) => new TextEncoder().encode(s);
const sha = (s: string) => computeChecksum(enc(s), "sha256");

// The real file system, logging each changing call as "op name[>name]" (temp names as "tmp").
const recording = () => {
  const log: string[] = [];
  const name = (p: string) => (basename(p).includes(".peaktmp-") ? "tmp" : basename(p));
  const fs: CacheFileSystem = {
    ...nodeFileSystem,
    rename: async (from, to) => {
      log.push(`rename ${name(from)}>${name(to)}`);
      await nodeFileSystem.rename(from, to);
    },
    unlink: async (path) => {
      log.push(`unlink ${name(path)}`);
      await nodeFileSystem.unlink(path);
    },
    syncDir: async (dir) => {
      log.push("sync");
      await nodeFileSystem.syncDir(dir);
    },
  };
  return { fs, log };
};

// Swaps `text` into `dir/v.bin` with the wanted sidecar; returns the logged steps.
const swap = async (dir: string, text: string, algorithm?: ChecksumAlgorithm, extra = {}) => {
  const { fs, log } = recording();
  const path = join(dir, "v.bin");
  const bytes = enc(text);
  const { tempPath } = await writeTemp(nodeFileSystem, path, bytes, undefined, 0o640);
  const digest = algorithm && { algorithm, hex: await computeChecksum(bytes, algorithm) };
  await swapIntoPlace({
    fs,
    path,
    tempPath,
    bytes,
    mode: 0o640,
    ...(digest && { digest }),
    ...extra,
  });
  return log;
};
const lines = async (dir: string, name: string) =>
  (await readFile(join(dir, name), "utf8"))
    .trim()
    .split("\n")
    .map((l) => l.split("  ")[0] ?? "");

describe("swapIntoPlace, step by step", () => {
  it("publishes a first write's sidecar before its data", async () => {
    const dir = await tempDir();
    expect(await swap(dir, "a", "sha256")).toEqual([
      "rename tmp>v.bin.sha256",
      "sync",
      "rename tmp>v.bin",
      "sync",
    ]);
    expect(await lines(dir, "v.bin.sha256")).toEqual([await sha("a")]);
    expect((await stat(join(dir, "v.bin.sha256"))).mode & 0o777).toBe(0o640);
  });

  it("removes a first write's orphan sidecars before its data appears", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "v.bin.xxh3"), `${"0".repeat(16)}  v.bin\n`);
    await writeFile(join(dir, "v.bin.sha256"), "garbage\n");
    expect(await swap(dir, "a", "sha256")).toEqual([
      "unlink v.bin.xxh3",
      "rename tmp>v.bin.sha256",
      "sync",
      "rename tmp>v.bin",
      "sync",
    ]);
    expect((await readdir(dir)).sort()).toEqual(["v.bin", "v.bin.sha256"]);
    expect(await lines(dir, "v.bin.sha256")).toEqual([await sha("a")]);
  });

  it("removes orphan sidecars of a first write without checksum", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "v.bin.blake3"), "x\n");
    expect(await swap(dir, "a")).toEqual([
      "unlink v.bin.blake3",
      "sync",
      "rename tmp>v.bin",
      "sync",
    ]);
    expect(await readdir(dir)).toEqual(["v.bin"]);
  });

  it("makes a plain rewrite one rename and one folder sync", async () => {
    const dir = await tempDir();
    await swap(dir, "a");
    expect(await swap(dir, "b")).toEqual(["rename tmp>v.bin", "sync"]);
    expect(await readFile(join(dir, "v.bin"), "utf8")).toBe("b");
  });

  it("lists old and new digests across the data rename, then only the new one", async () => {
    const dir = await tempDir();
    await swap(dir, "a", "sha256");
    const { fs } = recording();
    let during: string[] = [];
    const spy: CacheFileSystem = {
      ...fs,
      rename: async (from, to) => {
        if (to.endsWith("v.bin")) during = await lines(dir, "v.bin.sha256");
        await fs.rename(from, to);
      },
    };
    const path = join(dir, "v.bin");
    const { tempPath } = await writeTemp(nodeFileSystem, path, enc("b"), undefined, 0o640);
    const hex = await sha("b");
    const digest = { algorithm: "sha256" as const, hex };
    await swapIntoPlace({ fs: spy, path, tempPath, bytes: enc("b"), mode: 0o640, digest });
    expect(during).toEqual([await sha("a"), hex]);
    expect(await lines(dir, "v.bin.sha256")).toEqual([hex]);
  });

  it("logs a rewrite as: widen, sync, rename, sync, narrow, sync", async () => {
    const dir = await tempDir();
    await swap(dir, "a", "sha256");
    expect(await swap(dir, "b", "sha256")).toEqual([
      "rename tmp>v.bin.sha256",
      "sync",
      "rename tmp>v.bin",
      "sync",
      "rename tmp>v.bin.sha256",
      "sync",
    ]);
  });

  it("lists an unchanged digest once", async () => {
    const dir = await tempDir();
    await swap(dir, "a", "sha256");
    let during: string[] = [];
    await swap(dir, "a", "sha256", {
      stillHeld: async () => {
        during = await lines(dir, "v.bin.sha256");
        return true;
      },
    });
    expect(during).toEqual([await sha("a")]);
  });

  it("switches algorithms: the old sidecar gains the new digest in its own algorithm, then goes", async () => {
    const dir = await tempDir();
    await swap(dir, "a", "sha256");
    let during: string[] = [];
    const log = await swap(dir, "b", "xxh3", {
      stillHeld: async () => {
        during = await lines(dir, "v.bin.sha256");
        return true;
      },
    });
    expect(during).toEqual([await sha("a"), await sha("b")]);
    expect(log).toEqual([
      "rename tmp>v.bin.sha256",
      "sync",
      "rename tmp>v.bin",
      "sync",
      "rename tmp>v.bin.xxh3",
      "unlink v.bin.sha256",
      "sync",
    ]);
    expect(await lines(dir, "v.bin.xxh3")).toEqual([await computeChecksum(enc("b"), "xxh3")]);
  });

  it("drops every sidecar of a rewrite without checksum, true until the data rename", async () => {
    const dir = await tempDir();
    await swap(dir, "a", "sha256");
    await writeFile(join(dir, "v.bin.blake3"), "unreadable\n");
    const log = await swap(dir, "b");
    expect(log).toEqual([
      "rename tmp>v.bin.sha256",
      "rename tmp>v.bin.blake3",
      "sync",
      "rename tmp>v.bin",
      "sync",
      "unlink v.bin.sha256",
      "unlink v.bin.blake3",
      "sync",
    ]);
    expect(await readdir(dir)).toEqual(["v.bin"]);
  });

  it("refuses to rename when the lock was lost, keeping the old data", async () => {
    const dir = await tempDir();
    await swap(dir, "a");
    const error = (await swap(dir, "b", undefined, { stillHeld: async () => false }).catch(
      (e: unknown) => e,
    )) as Error & { code?: string };
    expect(error.message).toBe(
      `The lock of ${join(dir, "v.bin")} was broken while this write held it`,
    );
    expect(error.code).toBe("LOCK_LOST");
    expect(await readFile(join(dir, "v.bin"), "utf8")).toBe("a");
  });
});

describe("writeSidecar", () => {
  it("removes its temp file when the rename fails, and rethrows", async () => {
    const dir = await tempDir();
    const boom = Object.assign(new Error("no"), { code: "EIO" });
    const fs = { ...nodeFileSystem, rename: () => Promise.reject(boom) };
    const path = join(dir, "v.bin");
    await expect(writeSidecar(fs, path, "sha256", ["ab"], 0o600)).rejects.toBe(boom);
    expect(await readdir(dir)).toEqual([]);
  });
});
