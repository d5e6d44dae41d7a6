import { mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Each README block is compiled once and then run in its own child process.
export default mergeConfig(sharedConfig, { test: { testTimeout: 120_000, hookTimeout: 300_000 } });
