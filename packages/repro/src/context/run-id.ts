import { assertKnownKeys } from "@peak/errors";
import { randomFillSync } from "node:crypto";

/** Options of {@link createRunIdGenerator}; both exist for tests. */
export interface RunIdGeneratorOptions {
  /**
   * Clock in Unix milliseconds.
   * @defaultValue Date.now
   */
  now?: (() => number) | undefined;
  /**
   * Fills a buffer with random bytes.
   * @defaultValue crypto.randomFillSync
   */
  fillRandom?: ((bytes: Uint8Array) => void) | undefined;
}

const COUNTER_MAX = 2 ** 26 - 1;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Makes a UUIDv7 generator (RFC 9562): 48-bit Unix milliseconds, then a 26-bit counter
 * (RFC 9562 §6.2 method 1, started at a random value below 2^25 each new millisecond), then 48
 * random bits. Ids from one generator sort strictly in creation order, even within a
 * millisecond or when the clock steps back (the last timestamp is reused).
 */
export const createRunIdGenerator = (options: RunIdGeneratorOptions = {}): (() => string) => {
  assertKnownKeys(options, ["now", "fillRandom"], { owner: "createRunIdGenerator" });
  const now = options.now ?? Date.now;
  const fill = options.fillRandom ?? ((bytes: Uint8Array) => void randomFillSync(bytes));
  const bytes = new Uint8Array(16);
  let clock: RunIdClock = { ms: -1, counter: 0 };
  return () => {
    fill(bytes);
    const fresh = ((bytes[6]! & 1) << 24) | (bytes[7]! << 16) | (bytes[8]! << 8) | bytes[9]!;
    clock = tick(clock, Math.max(Math.floor(now()), 0), fresh);
    return format(bytes, clock.ms, clock.counter);
  };
};

/** Millisecond and in-millisecond counter of the last id. */
export interface RunIdClock {
  readonly ms: number;
  readonly counter: number;
}

/**
 * The next (ms, counter): a new millisecond starts at `fresh` (random, below 2^25); the same or
 * an earlier millisecond increments the counter; an exhausted counter borrows the next
 * millisecond, as RFC 9562 allows.
 */
export const tick = (last: RunIdClock, ms: number, fresh: number): RunIdClock => {
  if (ms > last.ms) return { ms, counter: fresh };
  if (last.counter < COUNTER_MAX) return { ms: last.ms, counter: last.counter + 1 };
  return { ms: last.ms + 1, counter: 0 };
};

const format = (bytes: Uint8Array, ms: number, counter: number): string => {
  let time = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = 0x70 | ((counter >>> 22) & 0x0f);
  bytes[7] = (counter >>> 14) & 0xff;
  bytes[8] = 0x80 | ((counter >>> 8) & 0x3f);
  bytes[9] = counter & 0xff;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

let defaultGenerator: (() => string) | undefined;

/**
 * A new UUIDv7 run id, e.g. `"019ab1c2-3d4e-7a5b-8c6d-7e8f90a1b2c3"`: lower case, 36 characters,
 * sortable by creation time and strictly increasing within this process.
 *
 * @example
 * ```ts
 * const runId = createRunId();
 * ```
 */
export const createRunId = (): string => (defaultGenerator ??= createRunIdGenerator())();

/** True for a lower-case canonical UUIDv7 string. */
export const isRunId = (value: unknown): value is string =>
  typeof value === "string" && UUID_V7.test(value);

/** The Unix millisecond timestamp embedded in a UUIDv7. */
export const runIdTimestamp = (runId: string): number =>
  // Stryker disable next-line MethodExpression: without the slice parseInt stops at the next "-", right after the same 12 digits
  parseInt(runId.slice(0, 13).replace("-", ""), 16);
