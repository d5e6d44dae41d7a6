import { assertKnownKeys, ConfigError, toSafeJson } from "@peak/errors";
import { runLogFields } from "./log-fields";

/** Log levels of {@link createJsonLogger}. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** A minimal structured logger: one JSON object per line. */
export type JsonLogger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void>;

/** Options of {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  /**
   * Clock in Unix milliseconds, for the `time` field.
   * @defaultValue Date.now
   */
  now?: (() => number) | undefined;
}

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

/**
 * A tiny fallback for apps without pino: each call writes one JSON line
 * `{"time":…,"level":"info","msg":"…","runId":"…","traceId":"…",…fields}` (newline included)
 * to `write`. Fields are made JSON-safe (cycles, bigints and errors never throw).
 *
 * @throws {@link ConfigError} when `write` is not a function.
 * @example
 * ```ts
 * const log = createJsonLogger((line) => process.stderr.write(line));
 * log.info("loaded", { rows: 1200 });
 * ```
 */
export const createJsonLogger = (
  write: (line: string) => void,
  options: JsonLoggerOptions = {},
): JsonLogger => {
  assertKnownKeys(options, ["now"], { owner: "createJsonLogger" });
  if (typeof write !== "function") {
    throw new ConfigError("createJsonLogger(write) needs a function", {
      hint: "Pass e.g. (line) => process.stderr.write(line)",
      context: { write: typeof write },
    });
  }
  const now = options.now ?? Date.now;
  const entries = LEVELS.map((level) => {
    const log = (msg: string, fields: Record<string, unknown> = {}) => {
      const line = { time: now(), level, msg, ...runLogFields(), ...fields };
      write(`${JSON.stringify(toSafeJson(line))}\n`);
    };
    return [level, log] as const;
  });
  return Object.fromEntries(entries) as JsonLogger;
};
