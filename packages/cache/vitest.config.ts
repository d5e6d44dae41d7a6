import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// One test file at a time: the stress, crash and manifest-merge suites each run 8-12 child
// processes, and on two cores they would otherwise starve each other into their timeouts.
export default mergeConfig(sharedConfig, defineConfig({ test: { fileParallelism: false } }));
