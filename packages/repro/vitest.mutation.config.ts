import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// The suite Stryker runs (mutation.json `vitestConfig`): the whole suite, with a longer test
// timeout. Coverage instrumentation makes the million-node refusal in hostile-input.test.ts
// several times slower, and on a loaded machine it passed the default 20 s in the dry run.
export default mergeConfig(sharedConfig, defineConfig({ test: { testTimeout: 120_000 } }));
