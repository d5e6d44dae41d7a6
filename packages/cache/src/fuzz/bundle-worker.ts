import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bundleChild } from "../shared/__fixtures__/bundle-child";

/**
 * Bundles the cache fuzz worker into this package's `node_modules/.cache/peak-fuzz/` (so its
 * parquet-wasm import resolves) and returns the bundle's path.
 */
export const bundleCacheFuzzWorker = async (): Promise<string> => {
  const outDir = fileURLToPath(new URL("../../node_modules/.cache/peak-fuzz/", import.meta.url));
  await mkdir(outDir, { recursive: true });
  return bundleChild(outDir, new URL("cache-fuzz-worker.ts", import.meta.url));
};
