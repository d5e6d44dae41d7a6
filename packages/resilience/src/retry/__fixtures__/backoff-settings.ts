import type { BackoffSettings } from "../backoff";

/** Exponential backoff without jitter from 100 ms up to 10 s, a fixed random 0.5, and `over`. */
export const backoffSettings = (over: Partial<BackoffSettings> = {}): BackoffSettings => ({
  backoff: "exponential",
  jitter: "none",
  baseDelayMs: 100,
  maxDelayMs: 10_000,
  random: () => 0.5,
  ...over,
});
