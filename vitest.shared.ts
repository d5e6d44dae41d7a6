import { defineConfig } from "vitest/config";

/** Shared test defaults; each package's vitest.config.ts merges this in one line. */
export const sharedConfig = defineConfig({
  resolve: { conditions: ["@peak/source"] },
  ssr: { resolve: { conditions: ["@peak/source"] } },
  test: {
    restoreMocks: true,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: false },
    testTimeout: 20_000,
  },
});
