import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/**
 * Bundles writer-child.ts (with @peak/errors and arquero from source) into one .mjs in `outDir`,
 * so each child starts in ~0.1 s under plain node instead of ~1 s under tsx. esbuild is taken
 * from tsup's dependencies.
 */
export const bundleWriterChild = (outDir: string, entry = "writer-child"): Promise<string> =>
  bundleChild(outDir, entry);

/** Bundles `__fixtures__/<entry>.ts` into `<outDir>/<entry>.mjs` (see {@link bundleWriterChild}). */
export const bundleChild = async (outDir: string, entry: string): Promise<string> => {
  const esbuild = createRequire(import.meta.resolve("tsup"))("esbuild") as EsbuildLike;
  const outfile = join(outDir, `${entry}.mjs`);
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL(`${entry}.ts`, import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    conditions: ["@peak/source"],
    external: ["parquet-wasm", "hash-wasm"],
    logLevel: "error",
  });
  return outfile;
};

/** Starts a bundled writer child; resolves `ready` on its first complete write. */
export const startWriter = (script: string, args: string[]) => {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready")) resolve();
    });
    child.once("exit", () => reject(new Error(`writer exited before ready: ${out}`)));
  });
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, out })),
  );
  return { child, ready, exited };
};
