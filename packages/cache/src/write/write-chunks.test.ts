import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pattern, sha256 } from "../shared/__fixtures__/bytes";
import { tempFilesIn, useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheWriteError } from "../shared/cache-write-error";
import { nodeFileSystem, type CacheFileSystem, type CacheWriteHandle } from "../shared/file-system";
import { atomicWrite } from "./atomic-write";

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

interface Recorder {
  calls: { offset: number; length: number; position: number; afterFailure: boolean }[];
  maxInFlight: number;
  inFlightAtClose: number[];
}

/**
 * A real file whose writes are recorded; write number `failAt` (from 0) rejects with EIO once the
 * disk answered, and the writes after it reach the disk only once it has failed (so however fast
 * the disk is, the failure comes while later chunks are still in flight).
 */
const recording = (rec: Recorder, failAt = -1): Partial<CacheFileSystem> => ({
  openExclusive: async (path, mode) => {
    const real = await nodeFileSystem.openExclusive(path, mode);
    let inFlight = 0;
    let failed = false;
    let signalFailure = (): void => undefined;
    const failure = new Promise<void>((resolve) => (signalFailure = resolve));
    const handle: CacheWriteHandle = {
      write: async (buffer, offset, length, position) => {
        const index = rec.calls.length;
        rec.calls.push({ offset, length, position, afterFailure: failed });
        inFlight += 1;
        rec.maxInFlight = Math.max(rec.maxInFlight, inFlight);
        try {
          if (failAt >= 0 && index > failAt) await failure;
          const written = await real.write(buffer, offset, length, position);
          if (index !== failAt) return written;
          failed = true;
          signalFailure();
          throw Object.assign(new Error("EIO: i/o error, write"), { code: "EIO" });
        } finally {
          inFlight -= 1;
        }
      },
      sync: () => real.sync(),
      stat: () => real.stat(),
      close: () => {
        rec.inFlightAtClose.push(inFlight);
        return real.close();
      },
    };
    return handle;
  },
});

const newRecorder = (): Recorder => ({ calls: [], maxInFlight: 0, inFlightAtClose: [] });

describe("atomicWrite's data writes", () => {
  it("writes every byte once, in chunks of at most 1 MiB, several in flight at a time", async () => {
    const path = join(await tempDir(), "big.bin");
    const bytes = pattern(9 * MiB + 12_345);
    const rec = newRecorder();
    await atomicWrite(bytes, path, { fileSystem: recording(rec) });
    const data = rec.calls.filter((c) => c.length > 200);
    expect(Math.max(...data.map((c) => c.length))).toBe(MiB);
    const covered = data
      .map((c) => [c.position, c.position + c.length])
      .sort((a, b) => a[0]! - b[0]!);
    let end = 0;
    for (const [from, to] of covered) {
      expect(from).toBe(end); // no gap, no overlap
      end = to!;
    }
    expect(end).toBe(bytes.length);
    expect(rec.maxInFlight).toBeGreaterThan(1);
    expect(rec.maxInFlight).toBeLessThanOrEqual(4);
    expect(sha256(await readFile(path))).toBe(sha256(bytes));
  });

  it("after a failed chunk starts no new one, closes only once the others settled, and removes the temp file", async () => {
    const dir = await tempDir();
    const path = join(dir, "big.bin");
    const rec = newRecorder();
    const error: unknown = await atomicWrite(pattern(8 * MiB), path, {
      fileSystem: recording(rec, 2),
    }).catch((e: unknown) => e);
    expect(CacheWriteError.isInstance(error)).toBe(true);
    expect((error as CacheWriteError).context).toMatchObject({ path, errorCode: "EIO" });
    expect(rec.calls.filter((c) => c.afterFailure)).toEqual([]);
    // At most the failed chunk, the two before it and three lanes' next chunks: 6 of the 8.
    expect(rec.calls.length).toBeLessThanOrEqual(6);
    expect(rec.inFlightAtClose).toEqual([0]);
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});
