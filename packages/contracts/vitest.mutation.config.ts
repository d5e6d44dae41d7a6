import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// The suite Stryker runs (mutation.json `vitestConfig`): everything but the child-process
// suites (CSV limits, the time-zone probes, the CSV fuzz). A child process never runs the
// active mutant, so those files kill nothing; they only add minutes to every static mutant.
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        "src/csv/csv-limits.test.ts",
        "src/csv/tz-independence.test.ts",
        "src/csv/csv-fuzz.test.ts",
      ],
    },
  }),
);
