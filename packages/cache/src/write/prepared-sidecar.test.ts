import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFilesIn, useTempDirs } from "../shared/__fixtures__/temp-dir";
import { computeChecksum } from "../sidecar/checksum";
import { nodeFileSystem, type CacheFileSystem } from "../shared/file-system";
import { CacheWriteError } from "../shared/cache-write-error";
import { atomicRead } from "../read/atomic-read";
import { atomicWrite } from "./atomic-write";
import { prepareSidecar, swapIntoPlace } from "./sidecar-swap";
import { writeTemp } from "./write-temp";

// The sidecar listing a write's new digest is written and fsynced while the data still syncs
// (atomicWrite), and publishing renames that prepared file instead of writing the sidecar again.

const tempDir = useTempDirs();
const enc = (s: string) => new TextEncoder().encode(s);
const sha = (s: string) => computeChecksum(enc(s), "sha256");
const shortName = (p: string) => (basename(p).includes(".peaktmp-") ? "tmp" : basename(p));

// The real file system, logging opens, data-handle syncs and closes, and renames in order.
const logged = () => {
  const log: string[] = [];
  const fs: CacheFileSystem = {
    ...nodeFileSystem,
    openExclusive: async (path, mode) => {
      const kind = path.includes(".sha256.") ? "sidecar" : "data";
      log.push(`open ${kind}`);
      const handle = await nodeFileSystem.openExclusive(path, mode);
      return {
        write: (...args) => handle.write(...args),
        stat: () => handle.stat(),
        sync: async () => {
          await handle.sync();
          log.push(`synced ${kind}`);
        },
        close: async () => {
          log.push(`close ${kind}`);
          await handle.close();
        },
      };
    },
    rename: async (from, to) => {
      log.push(`rename ${shortName(from)}>${shortName(to)}`);
      await nodeFileSystem.rename(from, to);
    },
  };
  return { fs, log };
};

// Swaps `text` into `path` with a SHA-256 sidecar prepared beforehand; returns its digest and the log.
const swapPrepared = async (path: string, text: string) => {
  const hex = await sha(text);
  const { tempPath } = await writeTemp(nodeFileSystem, path, enc(text), undefined, 0o640);
  const sidecarTemp = await prepareSidecar(nodeFileSystem, path, "sha256", [hex], 0o640);
  const { fs, log } = logged();
  const digest = { algorithm: "sha256" as const, hex };
  await swapIntoPlace({ fs, path, tempPath, bytes: enc(text), mode: 0o640, digest, sidecarTemp });
  return { hex, log };
};

describe("a prepared sidecar", () => {
  it("is renamed into place on a first write, with no second sidecar written", async () => {
    const dir = await tempDir();
    const { hex, log } = await swapPrepared(join(dir, "v.bin"), "a");
    expect(log).toEqual(["rename tmp>v.bin.sha256", "rename tmp>v.bin"]);
    expect(await readFile(join(dir, "v.bin.sha256"), "utf8")).toBe(`${hex}  v.bin\n`);
    expect((await readdir(dir)).sort()).toEqual(["v.bin", "v.bin.sha256"]);
  });

  it("narrows a rewrite's sidecar to the new digest after the data rename", async () => {
    const dir = await tempDir();
    const path = join(dir, "v.bin");
    await atomicWrite("a", path, { checksum: true });
    const { hex, log } = await swapPrepared(path, "b");
    // Widening to both digests still needs a fresh sidecar; the narrowed one is the prepared file.
    expect(log).toEqual([
      "open sidecar",
      "synced sidecar",
      "close sidecar",
      "rename tmp>v.bin.sha256",
      "rename tmp>v.bin",
      "rename tmp>v.bin.sha256",
    ]);
    expect(await readFile(join(dir, "v.bin.sha256"), "utf8")).toBe(`${hex}  v.bin\n`);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it("is written and synced by atomicWrite before the data file is closed", async () => {
    const dir = await tempDir();
    const path = join(dir, "big.bin");
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(9); // above the off-thread hashing bound
    const { fs, log } = logged();
    await atomicWrite(bytes, path, { checksum: true, fileSystem: fs });
    expect(log.indexOf("synced sidecar")).toBeGreaterThan(-1);
    expect(log.indexOf("synced sidecar")).toBeLessThan(log.indexOf("close data"));
    expect(log.filter((entry) => entry === "open sidecar")).toHaveLength(1);
    const back = await atomicRead(path, { verifyChecksum: true, format: "bytes" });
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
  });

  it("is removed when publishing fails, and the old file and sidecar stay", async () => {
    const dir = await tempDir();
    const path = join(dir, "v.bin");
    await atomicWrite("good data", path, { checksum: true });
    const failingRename: Partial<CacheFileSystem> = {
      rename: async (from, to) => {
        if (to === path) throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
        await nodeFileSystem.rename(from, to);
      },
    };
    const error: unknown = await atomicWrite("new data", path, {
      checksum: true,
      fileSystem: failingRename,
    }).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).context.errorCode).toBe("EIO");
    expect(await tempFilesIn(dir)).toEqual([]);
    const kept = await atomicRead(path, { verifyChecksum: true, format: "bytes" });
    expect(new TextDecoder().decode(kept)).toBe("good data");
  });
});
