/** What the retrying rename needs: the rename itself, the platform, and a way to wait. */
export interface RenameRetryParts {
  rename: (from: string, to: string) => Promise<void>;
  /** `process.platform`: only Windows retries. */
  platform: string;
  sleep: (ms: number) => Promise<unknown>;
}

/** Error codes of a rename that a Windows indexer, antivirus or reader causes for a moment. */
const RETRY_ON_WINDOWS = new Set(["EPERM", "EACCES", "EBUSY"]);

/** Retries after the first failure (13 attempts in all). */
export const RENAME_RETRIES = 12;

/** First wait, doubled per retry up to {@link RENAME_MAX_DELAY_MS}: 2,060 ms in all. */
export const RENAME_FIRST_DELAY_MS = 10;
export const RENAME_MAX_DELAY_MS = 250;

/**
 * A rename that, on Windows, retries EPERM, EACCES and EBUSY with backoff (10 ms doubling to
 * 250 ms, 12 retries, 2,060 ms of waiting), then gives up with the last error: the atomic writer never
 * falls back to writing the target in place. Elsewhere, and for any other error, the first
 * failure is passed on at once.
 *
 * @example
 * ```ts
 * const rename = retryingRename({ rename: fs.rename, platform: process.platform, sleep });
 * await rename("data.parquet.tmp", "data.parquet");
 * ```
 */
export const retryingRename =
  ({ rename, platform, sleep }: RenameRetryParts) =>
  async (from: string, to: string): Promise<void> => {
    for (let attempt = 0, delay = RENAME_FIRST_DELAY_MS; ; attempt += 1) {
      try {
        return await rename(from, to);
      } catch (error) {
        // Stryker disable next-line StringLiteral: any fallback outside RETRY_ON_WINDOWS behaves the same
        const code = (error as NodeJS.ErrnoException).code ?? "";
        if (platform !== "win32" || !RETRY_ON_WINDOWS.has(code) || attempt >= RENAME_RETRIES)
          throw error;
        await sleep(delay);
        delay = Math.min(delay * 2, RENAME_MAX_DELAY_MS);
      }
    }
  };
