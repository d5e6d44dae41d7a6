import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import config from "./vitest.config.ts";

// The suite Stryker runs (mutation.json `vitestConfig`): everything but the suites that run the
// code only in child processes (the end-to-end semantics suite, the rate limiter on real timers).
// A child process never runs the active mutant, so those files kill nothing; they only add
// seconds to the dry run and to every static mutant, which runs every related test.
export default mergeConfig(
  config,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        "src/e2e/**",
        "src/rate-limit/rate-limiter-real-timers.test.ts",
      ],
    },
  }),
);
