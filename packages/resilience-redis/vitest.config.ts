import { mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Without redis-server the suites stop with one line saying how to install it.
export default mergeConfig(sharedConfig, {
  test: { globalSetup: ["src/test-support/require-redis.ts"] },
});
