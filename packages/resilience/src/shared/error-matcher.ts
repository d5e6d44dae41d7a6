import { ConfigError } from "@peak/errors";

/** An error class, such as `ProviderError` or `TypeError`, used to select errors. */
export type ErrorClass = abstract new (...args: never[]) => unknown;

/**
 * Selects errors: a predicate, or a list of error classes (matched with the class's static
 * `isInstance` when it has one, so `@peak/errors` classes match across duplicate installs,
 * otherwise with `instanceof`).
 */
export type ErrorFilter = ((error: unknown) => boolean) | readonly ErrorClass[];

const matchesClass = (error: unknown, cls: ErrorClass): boolean => {
  const guard = (cls as { isInstance?: unknown }).isInstance;
  return typeof guard === "function" ? guard.call(cls, error) === true : error instanceof cls;
};

/** Turns an {@link ErrorFilter} into a predicate; `undefined` gives `fallback`. */
export const toErrorPredicate = (
  owner: string,
  option: string,
  filter: ErrorFilter | undefined,
  fallback: (error: unknown) => boolean,
): ((error: unknown) => boolean) => {
  if (filter === undefined) return fallback;
  if (typeof filter === "function") return filter;
  if (Array.isArray(filter) && filter.every((cls) => typeof cls === "function")) {
    const classes = [...(filter as readonly ErrorClass[])];
    return (error) => classes.some((cls) => matchesClass(error, cls));
  }
  throw new ConfigError(`Expected \`${option}\` to be a predicate or an array of error classes`, {
    hint: `Pass e.g. \`${option}: [ProviderError]\` or \`${option}: (error) => boolean\``,
    context: { option, owner },
  });
};
