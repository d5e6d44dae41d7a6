// Test fixture (not exported): the ConfigError a call throws.
import { isConfigError, type ConfigError } from "@peak/errors";

/** Runs `run` and returns the ConfigError it throws; fails the test if it throws none. */
export const configRefusal = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (isConfigError(error)) return error;
  }
  throw new Error("expected a ConfigError");
};
