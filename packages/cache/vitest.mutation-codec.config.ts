import mutation from "./vitest.mutation.config.ts";

// Stryker on `src/codec/` alone (issue 22): the in-process suite of vitest.mutation.config.ts,
// narrowed to the codec's own tests, so a mutant of the snappy or Thrift code does not also
// rerun every table round trip elsewhere in the package (each mutant runs the tests that
// cover it). A score from this config is a lower bound: a mutant that only a `read/` or
// `write/` test would kill counts as survived. Used as
// PEAK_MUTATION_STRYKER='{"vitest":{"configFile":"vitest.mutation-codec.config.ts"}}'.
// (mergeConfig would join the include arrays, so the narrower one replaces the shared one.)
export default { ...mutation, test: { ...mutation.test, include: ["src/codec/**/*.test.ts"] } };
