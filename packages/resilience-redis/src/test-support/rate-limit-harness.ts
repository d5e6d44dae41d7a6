// Test helpers for the rate-limit store's Redis link: a logger that records what it is told,
// the link's private ioredis client (to await its events), and one take's script arguments.
import type { Redis } from "ioredis";
import type { StoreLogger } from "../store-options";
import type { RateLimitLink } from "../rate-limit/rate-limit-link";

/** One logged line: its message and context (`hint`, `error`, `prefix`). */
export interface LoggedLine {
  readonly message: string;
  readonly context: Record<string, unknown> | undefined;
}

/** A {@link StoreLogger} keeping every warning and info line, in order. */
export const recordingLogger = () => {
  const warnings: LoggedLine[] = [];
  const infos: LoggedLine[] = [];
  const logger: Required<StoreLogger> = {
    warn: (message, context) => void warnings.push({ message, context }),
    info: (message, context) => void infos.push({ message, context }),
  };
  return { warnings, infos, logger };
};

/** The link's ioredis client (private: the tests await its `end` event and read its socket). */
export const linkClient = (link: RateLimitLink): Redis =>
  (link as unknown as { client: Redis }).client;

/** The script's arguments for one take of `weight` under `cap` in a window of `windowMs`. */
export const oneTake = (weight = 1, cap = 10, windowMs = 60_000): (string | number)[] => [
  "take",
  20,
  windowMs,
  0,
  weight,
  cap,
  0,
  0,
];

/** Resolves at the next "end" of the link's connection. */
export const nextEnd = (link: RateLimitLink): Promise<void> =>
  new Promise((resolve) => linkClient(link).once("end", () => resolve()));
