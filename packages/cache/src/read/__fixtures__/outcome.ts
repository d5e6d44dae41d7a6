import { readdir } from "node:fs/promises";
import { isCacheCorruptionError, type PeakTradeError } from "@peak/errors";
import { expect } from "vitest";

/** The error `work` rejects with; fails the test when it resolves or throws a non-Error. */
export const failure = async (work: Promise<unknown>): Promise<PeakTradeError> => {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as PeakTradeError;
};

/** The CacheCorruptionError `work` rejects with; fails the test on anything else. */
export const corruption = async (work: Promise<unknown>): Promise<PeakTradeError> => {
  const error = await failure(work);
  expect(isCacheCorruptionError(error)).toBe(true);
  return error;
};

/** How many descriptors this process holds open (Linux /proc): a leak check. */
export const openDescriptors = async (): Promise<number> => (await readdir("/proc/self/fd")).length;
