import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { useTempDirs } from "../../shared/__fixtures__/temp-dir";
import { computeChecksum, type ChecksumAlgorithm } from "../../sidecar/checksum";
import { formatSidecar } from "../../sidecar/sidecar";

/** Every sidecar algorithm, in no particular order. */
export const ALL: ChecksumAlgorithm[] = ["sha256", "blake3", "xxh3"];

/** The digest of `text` (UTF-8) under `algorithm`. */
export const digest = (text: string, algorithm: ChecksumAlgorithm): Promise<string> =>
  computeChecksum(new TextEncoder().encode(text), algorithm);

/** Writes `<path>.<algorithm>` listing the digests of `contents`, as atomicWrite formats it. */
export const sidecar = async (
  path: string,
  algorithm: ChecksumAlgorithm,
  ...contents: string[]
): Promise<void> => {
  const digests = await Promise.all(contents.map((c) => digest(c, algorithm)));
  await writeFile(`${path}.${algorithm}`, formatSidecar(digests, path));
};

/** Registers temp-dir cleanup; returns a maker of `data.bin` files holding `content`. */
export const useDataFiles = (): ((content?: string) => Promise<string>) => {
  const tempDir = useTempDirs();
  return async (content = "payload") => {
    const path = join(await tempDir(), "data.bin");
    await writeFile(path, content);
    return path;
  };
};

/**
 * A decode that counts its calls and runs `step(call)` on each, which readVerified does between
 * its sidecar reads before and after the data: the place a concurrent writer acts.
 */
export const counting = (step: (call: number) => Promise<void> = async () => {}) => {
  const calls = { count: 0 };
  const decode = async (bytes: Uint8Array) => {
    calls.count += 1;
    await step(calls.count);
    return Buffer.from(bytes).toString("utf8");
  };
  return { calls, decode };
};

/**
 * A counting decode that, on its first call, renames `<path>.next` (holding `next`) over
 * `path`: a writer replacing the data file while it is being read.
 */
export const replacedOnFirstRead = async (path: string, next: string) => {
  await writeFile(`${path}.next`, next);
  return counting(async (call) => {
    if (call === 1) await rename(`${path}.next`, path);
  });
};
