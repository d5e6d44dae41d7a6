import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pattern, sha256 } from "../shared/__fixtures__/bytes";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicWrite } from "./atomic-write";
import { bytesHasher } from "./bytes-hasher";
import { sha256OffThread } from "./sha256-worker";

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

describe("hashing next to the write", () => {
  it("hashes on the worker exactly what node:crypto hashes, across slot boundaries", async () => {
    for (const size of [0, 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1, 17 * 1024 * 1024 + 3]) {
      const bytes = pattern(size, size);
      expect(await sha256OffThread(bytes)).toBe(sha256(bytes));
    }
  });

  it("keeps concurrent jobs apart", async () => {
    const inputs = [1, 2, 3, 4, 5].map((seed) => pattern(6 * 1024 * 1024 + seed, seed));
    const digests = await Promise.all(inputs.map((bytes) => sha256OffThread(bytes)));
    expect(digests).toEqual(inputs.map(sha256));
  });

  it("hashes small buffers and other algorithms on the main thread with the same result", async () => {
    const bytes = pattern(5 * 1024 * 1024, 9);
    expect(await (await bytesHasher("sha256"))(bytes.subarray(0, 1000))).toBe(
      sha256(bytes.subarray(0, 1000)),
    );
    const xxh3 = await (await bytesHasher("xxh3"))(bytes);
    expect(xxh3).toMatch(/^[0-9a-f]{16}$/);
    expect(await (await bytesHasher("xxh3"))(bytes)).toBe(xxh3);
  });

  it("writes a sidecar with the digest of exactly the bytes on disk", async () => {
    const path = join(await tempDir(), "big.bin");
    const bytes = pattern(9 * 1024 * 1024 + 5, 3);
    const result = await atomicWrite(bytes, path, { checksum: true });
    const onDisk = await readFile(path);
    expect(result.checksum?.hex).toBe(sha256(onDisk));
    expect(await readFile(`${path}.sha256`, "utf8")).toContain(sha256(onDisk));
  });

  it("refuses an unknown algorithm before anything runs", async () => {
    await expect(bytesHasher("md5" as never)).rejects.toThrow(/Unknown checksum algorithm/);
  });
});

describe("hashing in slices on the main thread (the write's hasher)", () => {
  it("gives node:crypto's digest across slice borders and yields a turn between slices", async () => {
    for (const size of [0, 1, MiB, MiB + 1, 5 * MiB + 7]) {
      const bytes = pattern(size, size);
      let turns = 0;
      let counting = true;
      const count = () => {
        turns += 1;
        if (counting) setImmediate(count);
      };
      setImmediate(count);
      const hex = await (await bytesHasher("sha256", "slices"))(bytes);
      counting = false;
      expect(hex).toBe(sha256(bytes));
      // One turn of the event loop per slice after the first: other work runs in between.
      expect(turns).toBeGreaterThanOrEqual(Math.max(0, Math.ceil(size / MiB) - 1));
    }
  });
});
