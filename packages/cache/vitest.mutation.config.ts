import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// The suite Stryker runs (mutation.json `vitestConfig`): the in-process tests only. The crash,
// stress, concurrency, permission, fuzz and interop suites run their writers in child processes
// or workers, which never run the active mutant, so they kill nothing and would only add
// minutes to every static mutant. One file at a time, as in vitest.config.ts.
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      fileParallelism: false,
      exclude: [
        ...configDefaults.exclude,
        "src/write/crash.test.ts",
        "src/write/swap-stress.test.ts",
        "src/write/concurrent-writers.test.ts",
        "src/manifest/manifest-concurrency.test.ts",
        "src/manifest/manifest-faults.test.ts",
        "src/fuzz/**",
        "src/codec/pandas-interop.test.ts",
        "src/codec/duckdb-interop.test.ts",
      ],
    },
  }),
);
