import { isConfigError, type ConfigError } from "@peak/errors";

/** The ConfigError `work` throws; fails the test when it throws something else or nothing. */
export const configRefusal = (work: () => unknown): ConfigError => {
  try {
    work();
  } catch (error) {
    if (isConfigError(error)) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};
