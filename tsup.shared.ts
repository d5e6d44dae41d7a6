import { defineConfig, type Options } from "tsup";

/** Shared tsup defaults: ESM only, typed, built against tsconfig.build.json. */
export const sharedTsup = (overrides: Options = {}) =>
  defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    tsconfig: "tsconfig.build.json",
    ...overrides,
  });
