import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import config from "./vitest.config.ts";

// The suite Stryker runs (mutation.json `vitestConfig`): everything but the suites that run the
// store only in child processes (the fleet, the outage and the multi-process breaker). A child
// process never runs the active mutant, so those files kill nothing; they only add a minute to
// the dry run and to every static mutant.
export default mergeConfig(
  config,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        "src/rate-limit/fleet.test.ts",
        "src/redis-outage.test.ts",
        "src/multi-process.test.ts",
      ],
    },
  }),
);
