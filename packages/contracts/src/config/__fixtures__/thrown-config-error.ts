import { isConfigError, type ConfigError } from "@peak/errors";

/** The `ConfigError` that `fn` throws; fails the test when it throws nothing or another error. */
export const thrownConfigError = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (e) {
    if (isConfigError(e)) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
};
