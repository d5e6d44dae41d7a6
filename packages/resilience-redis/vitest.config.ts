import { mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Without redis-server the suites stop with one line saying how to install it. One test file at a
// time: the fleet, outage and multi-process suites each start several worker processes and a
// private redis-server, and on two cores they would otherwise starve each other's timeouts.
export default mergeConfig(sharedConfig, {
  test: { globalSetup: ["src/test-support/require-redis.ts"], fileParallelism: false },
});
